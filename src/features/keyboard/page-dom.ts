// Keyboard reading works from the page as rendered, not from other features' code: the
// reader's markup is its contract. Posts are `main article[id^="msg"]` with a `#n`
// permalink (`.post-number`); page links are `a[rel=prev|next]` in `nav.pagination`;
// "up" is the last link of the breadcrumb; search is `input[type=search]`.

import { matchReaderUrl } from '../../lib/reader-routes';

export function postArticles(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('main article[id^="msg"]')];
}

/** The post's number in its topic (1 is the opening post), from its `#n` permalink. */
export function postNumber(article: Element): number | null {
  const text = article.querySelector('.post-number')?.textContent ?? '';
  const match = /^\s*#\s*(\d+)\s*$/.exec(text);
  return match ? Number(match[1]) : null;
}

export function postAuthor(article: Element): string | null {
  return article.querySelector('.post-author .author-name')?.textContent?.trim() || null;
}

/** The post holding `element` (focus may be on a link inside a post), or null. */
export function postContaining(element: Element | null, posts: readonly HTMLElement[]): number {
  if (!element) return -1;
  return posts.findIndex((post) => post === element || post.contains(element));
}

export function findPostByNumber(number: number): HTMLElement | null {
  return postArticles().find((article) => postNumber(article) === number) ?? null;
}

// The top pagination list and the bottom one hold the same links: read the first.
function pagination(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main nav.pagination');
}

export function pageLink(rel: 'prev' | 'next'): HTMLAnchorElement | null {
  return pagination()?.querySelector<HTMLAnchorElement>(`a[rel~="${rel}"][href]`) ?? null;
}

/** `?page=N` of a reader URL; pages without the parameter are page 1. */
export function pageOfHref(href: string): number {
  const match = matchReaderUrl(new URL(href, 'http://reader.invalid'));
  return 'page' in match && 'page' in match.page ? match.page.page : 1;
}

/** This page's number and the last page's, from the pagination (1 and 1 without one). */
export function pageFacts(): { page: number; lastPage: number } {
  const nav = pagination();
  if (!nav) return { page: 1, lastPage: 1 };
  const current = nav.querySelector<HTMLAnchorElement>('a[aria-current="page"][href]');
  const page = current ? pageOfHref(current.getAttribute('href') ?? '') : 1;
  // The condensed list always shows the last page, so the highest page linked is it.
  const pages = [...nav.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => pageOfHref(a.getAttribute('href') ?? ''));
  return { page, lastPage: Math.max(page, ...pages) };
}

/**
 * How many posts the topic has: from a `data-post-count` the topic page may carry, else
 * exactly on its last page (the last post's number), else unknown.
 */
export function topicPostCount(): number | null {
  const declared = Number(document.querySelector('main [data-post-count]')?.getAttribute('data-post-count'));
  if (Number.isSafeInteger(declared) && declared > 0) return declared;
  const posts = postArticles();
  const last = posts[posts.length - 1];
  if (!last || pageLink('next')) return null;
  return postNumber(last);
}

/** The breadcrumb's last link: one level up. The board index has no breadcrumb. */
export function upLink(): HTMLAnchorElement | null {
  const links = document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Breadcrumb"] a[href]');
  return links[links.length - 1] ?? null;
}

export function searchInput(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('input[type="search"]');
}

/**
 * Puts the caret in the search box. A box folded away (a phone header) cannot take
 * focus: open the collapsed disclosure that controls it, whose opening focuses it.
 */
export function focusSearch(input: HTMLInputElement): void {
  input.focus();
  if (document.activeElement === input) {
    input.select();
    return;
  }
  const toggles = document.querySelectorAll<HTMLElement>('[aria-controls][aria-expanded="false"]');
  const toggle = [...toggles].find((candidate) => {
    const controlled = document.getElementById(candidate.getAttribute('aria-controls') ?? '');
    return controlled?.contains(input) ?? false;
  });
  toggle?.click();
}

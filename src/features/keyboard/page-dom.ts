// Keyboard reading works from the page as rendered, not from other features' code or
// class names: it finds its way by the marks in ui/reader-landmarks.ts, which the views
// put on their posts, page lists, breadcrumb and search field.
import {
  READER_AUTHOR,
  READER_LAST_PAGE,
  READER_PAGE,
  READER_PAGER,
  READER_POST,
  READER_POST_COUNT,
  READER_SEARCH,
  READER_UP,
} from '../../ui/reader-landmarks';


export function postArticles(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[${READER_POST}]`)];
}

/** A whole number of at least 1 from an attribute, or null. */
function count(element: Element | null | undefined, attribute: string): number | null {
  const value = Number(element?.getAttribute(attribute) ?? Number.NaN);
  return Number.isSafeInteger(value) && value >= 1 ? value : null;
}

/** The post's number in its topic (1 is the opening post). */
export function postNumber(article: Element): number | null {
  return count(article, READER_POST);
}

export function postAuthor(article: Element): string | null {
  return article.querySelector(`[${READER_AUTHOR}]`)?.textContent?.trim() || null;
}

/** The post holding `element` (focus may be on a link inside a post), or null. */
export function postContaining(element: Element | null, posts: readonly HTMLElement[]): number {
  if (!element) return -1;
  return posts.findIndex((post) => post === element || post.contains(element));
}

export function findPostByNumber(number: number): HTMLElement | null {
  return postArticles().find((article) => postNumber(article) === number) ?? null;
}

// The top page list and the bottom one say the same: read the first.
export function hasPages(): boolean {
  return document.querySelector(`[${READER_PAGE}]`) !== null;
}

/** The link to the page before or after this one: its neighbour, so this page's number ∓ 1. */
export function pageLink(rel: 'prev' | 'next'): HTMLAnchorElement | null {
  return document.querySelector<HTMLAnchorElement>(`a[${READER_PAGER}="${rel}"][href]`);
}

/** This page's number and the last page's, from the page list (1 and 1 without one). */
export function pageFacts(): { page: number; lastPage: number } {
  const pages = document.querySelector(`[${READER_PAGE}]`);
  const page = count(pages, READER_PAGE) ?? 1;
  return { page, lastPage: Math.max(page, count(pages, READER_LAST_PAGE) ?? 1) };
}

/**
 * How many posts the topic has: as the topic page declares it, else exactly on its
 * last page (the last post's number), else unknown.
 */
export function topicPostCount(): number | null {
  const declared = count(document.querySelector(`[${READER_POST_COUNT}]`), READER_POST_COUNT);
  if (declared !== null) return declared;
  const posts = postArticles();
  const last = posts[posts.length - 1];
  if (!last || pageLink('next')) return null;
  return postNumber(last);
}

/** The link one level up. The board index has none. */
export function upLink(): HTMLAnchorElement | null {
  const links = document.querySelectorAll<HTMLAnchorElement>(`a[${READER_UP}][href]`);
  return links[links.length - 1] ?? null;
}

export function searchInput(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(`input[${READER_SEARCH}]`);
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

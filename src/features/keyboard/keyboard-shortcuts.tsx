import { matchReaderUrl, topicHref } from '../../lib/reader-routes';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { formatCount } from '../../lib/format/format';
import { HelpDialog } from './help-dialog';
import { JumpDialog } from './jump-dialog';
import {
  findPostByNumber,
  focusSearch,
  hasPages,
  pageFacts,
  pageLink,
  postArticles,
  postAuthor,
  postContaining,
  postNumber,
  searchInput,
  topicPostCount,
  upLink,
} from './page-dom';
import type { JumpPlan, PageView } from './post-jump';
import { ownsArrowKeys, isTypingTarget } from './typing-target';
import './keyboard.css';

/** What to do once a navigation started by a shortcut has landed. */
type Landing = {
  /** Ties the landing to this page load: history entries and reloads carry no live one. */
  token: string;
  /** Focus the page's first post, or the post with this number. */
  focus?: 'first' | number;
  /** The page the navigation goes to: once it shows, a missing post is missing for good. */
  page?: number;
  /** Said first, e.g. "Page 2 of 3." */
  announce?: string;
};

const STATE_KEY = 'lecternKeyboard';
/** How long after `g` an `h` still counts as "g h". */
const SEQUENCE_MS = 1500;
/** How long a landing waits for its post to render before saying it is not there. */
const LANDING_WAIT_MS = 4000;

type OpenDialog = { kind: 'help'; hasSearch: boolean } | { kind: 'jump'; view: PageView } | null;

/**
 * Keyboard reading, Discourse's set: j/k posts, ←/→ or [/] pages, # a post by number,
 * u up, g h home, / search, ? help. It reads and moves through the page as rendered, by
 * the marks the views put on it (ui/reader-landmarks.ts), so it needs no code of theirs;
 * it says where the reader landed in a polite live region.
 */
export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const location = useLocation();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [message, setMessage] = useState<{ id: number; text: string } | null>(null);
  const gPressedAt = useRef<number | null>(null);
  const expectedLanding = useRef<string | null>(null);
  const landings = useRef(0);

  // A new node per message, so the same words said twice are heard twice.
  const announce = (text: string) => setMessage((previous) => ({ id: (previous?.id ?? 0) + 1, text }));

  const focusPost = (article: HTMLElement, prefix = '') => {
    article.focus({ preventScroll: true, focusVisible: true });
    article.scrollIntoView({ block: 'start' });
    announce(`${prefix}${describePost(article)}`);
  };

  const go = (href: string, landing: Omit<Landing, 'token'> = {}) => {
    landings.current += 1;
    const token = `${Date.now()}-${landings.current}`;
    expectedLanding.current = token;
    void navigate(href, { state: { [STATE_KEY]: { token, ...landing } } });
  };

  const movePost = (step: 1 | -1) => {
    const posts = postArticles();
    if (posts.length === 0) return false;
    const index = postContaining(document.activeElement, posts);
    if (index < 0) {
      const start = step === 1 ? firstPostBelowTop(posts) : lastPostAboveTop(posts);
      if (start) focusPost(start);
      return true;
    }
    const target = posts[index + step];
    if (target) {
      focusPost(target);
    } else if (step === 1) {
      // Past the last post: on to the next page's first, as reading on would.
      const href = pageLink('next')?.getAttribute('href');
      const page = pageFacts().page + 1;
      if (href) go(href, { focus: 'first', page, announce: `${pageLabel(page)}. ` });
      else announce('This is the last post.');
    } else {
      announce('This is the first post on this page.');
    }
    return true;
  };

  const movePage = (rel: 'prev' | 'next') => {
    if (!hasPages()) return false;
    const href = pageLink(rel)?.getAttribute('href');
    const page = pageFacts().page + (rel === 'next' ? 1 : -1);
    if (href) go(href, { page, announce: pageLabel(page) });
    else announce(rel === 'next' ? 'This is the last page.' : 'This is the first page.');
    return true;
  };

  const openJump = () => {
    const here = matchReaderUrl(location);
    if (!('page' in here) || here.page.name !== 'topic') return false;
    const numbers = postArticles()
      .map(postNumber)
      .filter((n): n is number => n !== null);
    if (numbers.length === 0) return false;
    setDialog({ kind: 'jump', view: { numbers, ...pageFacts(), total: topicPostCount() } });
    return true;
  };

  const onJump = (number: number, plan: Exclude<JumpPlan, { kind: 'out-of-range' }>) => {
    setDialog(null);
    if (plan.kind === 'here') {
      const article = findPostByNumber(number);
      if (article) focusPost(article);
      return;
    }
    const here = matchReaderUrl(location);
    if (!('page' in here) || here.page.name !== 'topic') return;
    go(topicHref(here.page.topicId, plan.page), { focus: number, page: plan.page, announce: `${pageLabel(plan.page)}. ` });
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    // AltGr (reported as Ctrl+Alt on Windows) is how many layouts type [ ] # and /.
    const altGraph = event.getModifierState('AltGraph');
    if (event.metaKey || ((event.ctrlKey || event.altKey) && !altGraph)) return;
    // A dialog (ours, the image lightbox) owns the keyboard while it is open.
    if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;

    const { key } = event;
    const afterG = gPressedAt.current !== null && event.timeStamp - gPressedAt.current < SEQUENCE_MS;
    gPressedAt.current = null;
    if (afterG && key === 'h') {
      event.preventDefault();
      go('/');
      return;
    }
    // Holding j or k walks through posts; a held page key must not race through pages.
    if (event.repeat && key !== 'j' && key !== 'k') return;
    const isArrow = key === 'ArrowLeft' || key === 'ArrowRight';
    if (isArrow && (event.shiftKey || ownsArrowKeys(event.target))) return;

    let handled = false;
    switch (key) {
      case 'j':
        handled = movePost(1);
        break;
      case 'k':
        handled = movePost(-1);
        break;
      case 'ArrowRight':
      case ']':
        handled = movePage('next');
        break;
      case 'ArrowLeft':
      case '[':
        handled = movePage('prev');
        break;
      case '#':
        handled = openJump();
        break;
      case 'u': {
        const href = upLink()?.getAttribute('href');
        if (href) go(href);
        handled = Boolean(href);
        break;
      }
      case 'g':
        gPressedAt.current = event.timeStamp;
        break;
      case '/': {
        const input = searchInput();
        if (input) focusSearch(input);
        handled = Boolean(input);
        break;
      }
      case '?':
        setDialog({ kind: 'help', hasSearch: searchInput() !== null });
        handled = true;
        break;
    }
    // Only keys that did something keep their default: "/" must not open find-in-page.
    if (handled) event.preventDefault();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  // A navigation a shortcut started has landed: focus and announce what it asked for.
  const land = useEffectEvent((landing: Landing) => {
    const prefix = landing.announce ?? '';
    const { focus } = landing;
    if (focus === undefined) {
      if (prefix) announce(prefix);
      return undefined;
    }
    const find = () => (focus === 'first' ? (postArticles()[0] ?? null) : findPostByNumber(focus));
    const missing = () => {
      const posts = postArticles();
      const last = posts[posts.length - 1];
      if (!last) return;
      const total = topicPostCount();
      const reason = `There is no post ${focus}${total !== null ? `: this topic has ${formatCount(total)} posts` : ''}. `;
      focusPost(last, `${prefix}${reason}`);
    };
    // The router shows the new page before the location changes, so the post is
    // usually there already; if rendering lags, wait for it.
    const shown = landing.page === undefined || (postArticles().length > 0 && pageFacts().page === landing.page);
    return whenPresent(find, (article) => focusPost(article, prefix), missing, shown ? 0 : LANDING_WAIT_MS);
  });

  useEffect(() => {
    const landing = readLanding(location.state);
    if (!landing || landing.token !== expectedLanding.current) return;
    expectedLanding.current = null;
    return land(landing);
  }, [location]);

  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {message ? <span key={message.id}>{message.text}</span> : null}
      </div>
      {dialog?.kind === 'help' ? <HelpDialog hasSearch={dialog.hasSearch} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'jump' ? <JumpDialog view={dialog.view} onJump={onJump} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

function readLanding(state: unknown): Landing | null {
  if (typeof state !== 'object' || state === null) return null;
  const landing: unknown = (state as Record<string, unknown>)[STATE_KEY];
  if (typeof landing !== 'object' || landing === null) return null;
  const { token, focus, page, announce } = landing as Record<string, unknown>;
  if (typeof token !== 'string') return null;
  return {
    token,
    focus: focus === 'first' || typeof focus === 'number' ? focus : undefined,
    page: typeof page === 'number' ? page : undefined,
    announce: typeof announce === 'string' ? announce : undefined,
  };
}

/** "Post 16 of 41 by Alice": where j, k or # landed. */
function describePost(article: HTMLElement): string {
  const number = postNumber(article);
  const total = topicPostCount();
  const author = postAuthor(article);
  const which = number === null ? 'Post' : `Post ${formatCount(number)}${total !== null ? ` of ${formatCount(total)}` : ''}`;
  return author ? `${which} by ${author}` : which;
}

function pageLabel(page: number): string {
  const { lastPage } = pageFacts();
  return lastPage >= page ? `Page ${formatCount(page)} of ${formatCount(lastPage)}` : `Page ${formatCount(page)}`;
}

// With no post focused, j starts at the first post whose top is in view (or below it),
// and k at the last one that starts above the viewport: the post being read.
function firstPostBelowTop(posts: readonly HTMLElement[]): HTMLElement | undefined {
  return posts.find((post) => post.getBoundingClientRect().top >= -1) ?? posts[posts.length - 1];
}

function lastPostAboveTop(posts: readonly HTMLElement[]): HTMLElement | undefined {
  return posts.findLast((post) => post.getBoundingClientRect().top < -1) ?? posts[0];
}

/** Calls `found` with the element once `find` returns one, or `missing` after `waitMs`. */
function whenPresent(
  find: () => HTMLElement | null,
  found: (element: HTMLElement) => void,
  missing: () => void,
  waitMs: number,
): (() => void) | undefined {
  const element = find();
  if (element) {
    found(element);
    return undefined;
  }
  if (waitMs <= 0) {
    missing();
    return undefined;
  }
  const observer = new MutationObserver(() => {
    const appeared = find();
    if (appeared) {
      stop();
      found(appeared);
    }
  });
  const timer = setTimeout(() => {
    stop();
    missing();
  }, waitMs);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}

import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { MULTI_PAGE_TOPIC_ID, SEED_BOARD_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { KeyboardShortcuts } from '../../src/features/keyboard/keyboard-shortcuts';
import type { TopicResponse } from '../../src/lib/api/schemas';
import { holdIdle } from '../idle';
import { mockApi } from '../support/mock-api';
import { renderRoute } from '../render-route';

// MULTI_PAGE_TOPIC_ID: 41 posts, 3 pages of 15.
// Generous waits: navigations run loaders, and this machine may be busy.
const WAIT = { timeout: 5000 };
const TOPIC = `/topic/${MULTI_PAGE_TOPIC_ID}`;
const pages: TopicResponse[] = [];
beforeAll(async () => {
  for (const page of [1, 2, 3]) pages.push(await mockApi.topic(MULTI_PAGE_TOPIC_ID, page));
});

/** The post with this number in the topic, from the mock forum. */
function post(number: number) {
  const found = pages.flatMap((p) => p.posts).find((p) => p.number === number);
  if (!found) throw new Error(`no post #${number}`);
  return found;
}

const article = (number: number) => document.getElementById(`msg${post(number).id}`);
const focusedPostNumber = () => document.activeElement?.closest('article')?.querySelector('.post-number')?.textContent ?? null;

/** What the keyboard's live region said last: a polite region, as a screen reader hears it. */
async function heard(text: string | RegExp) {
  const spoken = await screen.findByText(text, {}, WAIT);
  expect(spoken.closest('[aria-live="polite"]')).not.toBeNull();
  return spoken;
}

/** "Post 2 by X", or "Post 2 of 41 by X" once the page says how many posts the topic has. */
function postAnnouncement(number: number, prefix = '') {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(prefix)}Post ${number} (of 41 )?by ${escape(post(number).author.name)}$`);
}

/**
 * Keyboard reading loads once the browser is idle after the first render (it is not
 * needed to show the first post); its polite live region appears when it listens.
 */
async function keyboardReady() {
  await waitFor(() => expect(document.querySelector('div[aria-live="polite"]')).not.toBeNull(), WAIT);
}

async function openTopic(url = TOPIC) {
  const utils = renderRoute(url);
  await screen.findByRole('heading', { level: 1 }, WAIT);
  await waitFor(() => expect(screen.getAllByRole('article').length).toBeGreaterThan(0), WAIT);
  await keyboardReady();
  return utils;
}

describe('j and k', () => {
  it('count a key pressed before keyboard reading has loaded', async () => {
    // Keyboard reading loads when the browser is idle: here that moment is held back
    // until the key is in (test/idle.ts), so the key is pressed before it, every time.
    const idle = holdIdle();
    const { user } = renderRoute(TOPIC);
    await waitFor(() => expect(screen.getAllByRole('article').length).toBeGreaterThan(0), WAIT);
    expect(document.querySelector('div[aria-live="polite"]')).toBeNull();
    await user.keyboard('j');
    idle.flush();
    await waitFor(() => expect(article(1)).toHaveFocus(), WAIT);
  });

  it('move focus to the next and previous post and say where it landed', async () => {
    const { user } = await openTopic();
    await user.keyboard('j');
    expect(article(1)).toHaveFocus();
    await heard(postAnnouncement(1));
    await user.keyboard('j');
    expect(article(2)).toHaveFocus();
    await heard(postAnnouncement(2));
    await user.keyboard('jj');
    expect(focusedPostNumber()).toBe('#4');
    await user.keyboard('k');
    expect(article(3)).toHaveFocus();
  });

  it('k on the first post stays there and says so', async () => {
    const { user } = await openTopic();
    await user.keyboard('jk');
    expect(article(1)).toHaveFocus();
    await heard('This is the first post on this page.');
  });

  it('moves on from a link inside a post', async () => {
    const { user } = await openTopic();
    const permalink = within(article(5) as HTMLElement).getByRole('link', { name: 'Post 5, link to this post' });
    permalink.focus();
    await user.keyboard('j');
    expect(article(6)).toHaveFocus();
  });

  it('j past the last post goes on to the first post of the next page', async () => {
    const { user, history } = await openTopic();
    article(15)?.focus();
    await user.keyboard('j');
    await waitFor(() => expect(history.location.search).toBe('?page=2'), WAIT);
    await waitFor(() => expect(article(16)).toHaveFocus(), WAIT);
    await heard(postAnnouncement(16, 'Page 2 of 3. '));
  });

  it('on the last page, counts the posts and says when there are no more', async () => {
    const { user } = await openTopic(`${TOPIC}?page=3`);
    await user.keyboard('j');
    expect(article(31)).toHaveFocus();
    await heard(`Post 31 of 41 by ${post(31).author.name}`);
    article(41)?.focus();
    await user.keyboard('j');
    expect(article(41)).toHaveFocus();
    await heard('This is the last post.');
  });
});

describe('keys that are not shortcuts at that moment', () => {
  it('are left alone while typing in a field, a select or editable text', async () => {
    const { user, history } = await openTopic();
    const main = screen.getByRole('main');
    const field = document.createElement('input');
    field.setAttribute('aria-label', 'Scratch field');
    const area = document.createElement('textarea');
    area.setAttribute('aria-label', 'Scratch area');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    editable.setAttribute('role', 'textbox');
    editable.setAttribute('aria-label', 'Scratch editor');
    const inner = document.createElement('p');
    editable.append(inner);
    inner.tabIndex = -1;
    main.prepend(field, area, editable);
    // Nothing moved, opened or navigated.
    const untouched = (focused: Element) => {
      expect(document.activeElement).toBe(focused);
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(history.location.pathname + history.location.search).toBe(TOPIC);
    };

    await user.click(screen.getByRole('textbox', { name: 'Scratch field' }));
    await user.keyboard('jk#?u]{ArrowRight}gh');
    expect(field).toHaveValue('jk#?u]gh');
    untouched(field);
    await user.click(screen.getByRole('textbox', { name: 'Scratch area' }));
    await user.keyboard('j/[[{ArrowLeft}');
    expect(area).toHaveValue('j/[');
    untouched(area);
    // Focus on an element inside editable text counts as typing too.
    inner.focus();
    await user.keyboard('jgh]');
    untouched(inner);
    const theme = screen.getByRole('combobox', { name: 'Theme' });
    theme.focus();
    await user.keyboard('k');
    untouched(theme);
  });

  it('are left alone with Ctrl, Alt or Meta held', async () => {
    const { user, history } = await openTopic();
    await user.keyboard('{Control>}j{/Control}{Alt>}{ArrowRight}{/Alt}{Meta>}k{/Meta}{Control>}]{/Control}');
    expect(document.activeElement?.closest('article')).toBeNull();
    expect(history.location.search).toBe('');
  });

  it('are left alone while a dialog is open', async () => {
    const { user, history } = await openTopic();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.keyboard('j]');
    expect(document.activeElement?.closest('article')).toBeNull();
    expect(history.location.search).toBe('');
    expect(dialog).toBeInTheDocument();
  });
});

describe('? opens the list of shortcuts', () => {
  it('in a dialog titled "Keyboard shortcuts", closed by Esc, with focus back where it was', async () => {
    const { user } = await openTopic();
    await user.keyboard('jj');
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    // Keys in <kbd>, what they do beside them.
    const terms = within(dialog).getAllByRole('term');
    const definitions = within(dialog).getAllByRole('definition');
    expect(definitions.map((d) => d.textContent)).toEqual([
      'Next post',
      'Previous post',
      'Next page',
      'Previous page',
      'Go to a post by its number',
      'Up one level',
      'Board index',
      'Search',
      'Show these shortcuts',
      'Close a dialog',
    ]);
    expect(terms[0]?.querySelector('kbd')).toHaveTextContent('j');
    expect(terms[2]).toHaveTextContent('Right arrow or ]Right bracket');
    expect(terms[6]).toHaveTextContent('g then h');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(article(2)).toHaveFocus();
  });

  it('closes with its Close button too', async () => {
    const { user } = await openTopic();
    await user.keyboard('j?');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(article(1)).toHaveFocus();
  });
});

describe('# goes to a post by its number', () => {
  async function jump(user: ReturnType<typeof renderRoute>['user'], text: string) {
    await user.keyboard('#');
    const dialog = screen.getByRole('dialog', { name: 'Go to post' });
    const field = within(dialog).getByRole('textbox', { name: 'Post number' });
    expect(field).toHaveFocus();
    await user.type(field, `${text}{Enter}`);
    return dialog;
  }

  it('focuses a post on this page', async () => {
    const { user, history } = await openTopic();
    await jump(user, '7');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(article(7)).toHaveFocus();
    await heard(postAnnouncement(7));
    expect(history.location.search).toBe('');
  });

  it('opens the page that holds a post on another page, then focuses it', async () => {
    const { user, history } = await openTopic();
    await jump(user, '35');
    await waitFor(() => expect(history.location.search).toBe('?page=3'), WAIT);
    await waitFor(() => expect(article(35)).toHaveFocus(), WAIT);
    await heard(postAnnouncement(35, 'Page 3 of 3. '));
  });

  it('goes back to page 1 from a later page, with no ?page', async () => {
    const { user, history } = await openTopic(`${TOPIC}?page=2`);
    await jump(user, '#3');
    await waitFor(() => expect(article(3)).toHaveFocus(), WAIT);
    expect(history.location.search).toBe('');
  });

  it('refuses numbers the topic does not have, and says why', async () => {
    const { user, history } = await openTopic(`${TOPIC}?page=3`);
    const dialog = await jump(user, '42');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('There is no post 42: this topic has posts 1 to 41.');
    const field = within(dialog).getByRole('textbox', { name: 'Post number' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/There is no post 42/);
    await user.clear(field);
    await user.type(field, '0{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('There is no post 0');
    await user.clear(field);
    await user.type(field, 'twelve{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Enter a post number from 1 to 41.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(history.location.search).toBe('?page=3');
  });

  it('refuses a number far past the last page from page 1', async () => {
    const { user } = await openTopic();
    const dialog = await jump(user, '999');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/^There is no post 999\b/);
  });

  it('says so when a number within the last page’s range is not there after all', async () => {
    // From page 1, 44 fits 3 pages of 15 unless the page says the topic has 41 posts.
    const { user } = await openTopic();
    await jump(user, '44');
    expect(await screen.findByText(/There is no post 44/, {}, WAIT)).toBeInTheDocument();
  });

  it('does nothing off a topic', async () => {
    const { user } = renderRoute(`/board/${SEED_BOARD_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Crime and war' }, WAIT);
    await keyboardReady();
    await user.keyboard('#');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('page keys', () => {
  it('→ and ] go to the next page, ← and [ to the previous one, and say which', async () => {
    const { user, history } = await openTopic();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(history.location.search).toBe('?page=2'), WAIT);
    await screen.findByRole('link', { name: 'Post 16, link to this post' }, WAIT);
    await heard('Page 2 of 3');
    await user.keyboard(']');
    await waitFor(() => expect(history.location.search).toBe('?page=3'), WAIT);
    await screen.findByRole('link', { name: 'Post 41, link to this post' }, WAIT);
    await user.keyboard('{ArrowRight}');
    await heard('This is the last page.');
    expect(history.location.search).toBe('?page=3');
    await user.keyboard('{ArrowLeft}');
    await waitFor(() => expect(history.location.search).toBe('?page=2'), WAIT);
    await screen.findByRole('link', { name: 'Post 16, link to this post' }, WAIT);
    await user.keyboard('[[');
    await waitFor(() => expect(history.location.search).toBe(''), WAIT);
    await heard('Page 1 of 3');
  });

  it('are pushed onto history, so Back returns', async () => {
    const { user, history } = await openTopic();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(history.location.search).toBe('?page=2'), WAIT);
    act(() => history.go(-1));
    await waitFor(() => expect(history.location.search).toBe(''), WAIT);
  });
});

describe('u, g h and /', () => {
  it('u climbs the breadcrumb: topic → board → category on the index, then stops', async () => {
    const { user, history } = await openTopic(`/topic/${SEED_TOPIC_ID}`);
    await user.keyboard('u');
    expect(await screen.findByRole('heading', { level: 1, name: 'Crime and war' }, WAIT)).toBeInTheDocument();
    expect(history.location.pathname).toBe(`/board/${SEED_BOARD_ID}`);
    await user.keyboard('u');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' }, WAIT)).toBeInTheDocument();
    expect(history.location.hash).toMatch(/^#c\d+$/);
    const entries = history.location.key;
    await user.keyboard('u');
    expect(history.location.key).toBe(entries);
  });

  it('g then h goes to the board index; g then another key does not', async () => {
    const { user, history } = await openTopic();
    await user.keyboard('gxh');
    expect(history.location.pathname).toBe(TOPIC);
    await user.keyboard('gh');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bosman Business World' }, WAIT)).toBeInTheDocument();
    expect(history.location.pathname).toBe('/');
  });

  it('/ puts the caret in the search box, leaving the slash out of it', async () => {
    const { user } = await openTopic();
    await user.keyboard('/');
    expect(screen.getByRole('searchbox', { name: 'Search the forum' })).toHaveFocus();
    expect(screen.getByRole('searchbox', { name: 'Search the forum' })).toHaveValue('');
  });
});

// The shortcuts alone, on a page of plain markup: for what the whole reader cannot show,
// such as a server without search (no search box at all).
describe('on a page without a search box', () => {
  function renderBare() {
    const router = createMemoryRouter([
      {
        path: '*',
        element: (
          <>
            <main>
              <h1>Plain page</h1>
            </main>
            <KeyboardShortcuts />
          </>
        ),
      },
    ]);
    render(<RouterProvider router={router} />);
    return { user: userEvent.setup(), router };
  }

  it('/ does nothing, and the help does not list it', async () => {
    const { user, router } = renderBare();
    await user.keyboard('/');
    expect(document.activeElement).toBe(document.body);
    expect(router.state.location.pathname).toBe('/');
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).queryByText('Search')).toBeNull();
    expect(within(dialog).getByText('Next post')).toBeInTheDocument();
  });

  it('u, arrows, j and # do nothing without a breadcrumb, pages or posts', async () => {
    const { user, router } = renderBare();
    await user.keyboard('u{ArrowRight}[[j#');
    expect(router.state.location.key).toBe('default');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(document.body);
  });
});

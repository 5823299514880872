// Where `#` takes the reader: which page holds post n, read from the page in view.

export type PageView = {
  /** The post numbers on this page, in order. */
  numbers: readonly number[];
  page: number;
  lastPage: number;
  /** The topic's post count when known (see topicPostCount). */
  total: number | null;
};

export type JumpPlan =
  | { kind: 'here' }
  | { kind: 'page'; page: number }
  | { kind: 'out-of-range'; max: number | null };

/** SMF's default, used only when the page does not tell (a page 1 that is the last). */
const SMF_POSTS_PER_PAGE = 15;

/**
 * Posts per full page. On page 1 with more pages after it, this page is full; on a
 * later page, its first post's number says how many came before it. SMF numbers posts
 * 1, 2, 3… with no gaps, so both are exact.
 */
export function postsPerPage(view: PageView): number {
  const first = view.numbers[0];
  let perPage = SMF_POSTS_PER_PAGE;
  if (view.page > 1 && first !== undefined) perPage = (first - 1) / (view.page - 1);
  else if (view.page === 1 && view.lastPage > 1) perPage = view.numbers.length;
  return Number.isSafeInteger(perPage) && perPage > 0 ? perPage : SMF_POSTS_PER_PAGE;
}

/** The highest post number there can be: exact when the total is known, else a bound. */
export function highestPost(view: PageView): number | null {
  if (view.total !== null) return view.total;
  if (view.lastPage <= view.page) return view.numbers[view.numbers.length - 1] ?? null;
  return view.lastPage * postsPerPage(view);
}

export function planJump(number: number, view: PageView): JumpPlan {
  const max = highestPost(view);
  if (!Number.isSafeInteger(number) || number < 1 || (max !== null && number > max)) {
    return { kind: 'out-of-range', max: view.total ?? (view.lastPage <= view.page ? max : null) };
  }
  if (view.numbers.includes(number)) return { kind: 'here' };
  const page = Math.min(view.lastPage, Math.ceil(number / postsPerPage(view)));
  if (page === view.page) return { kind: 'out-of-range', max: view.total };
  return { kind: 'page', page };
}

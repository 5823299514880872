// The marks keyboard reading (features/keyboard) steers by: data attributes the views put
// on their posts, page lists, breadcrumb and search field, so that a class renamed or
// markup rearranged for looks can never break a key.
//
// Keyboard reading looks them up by these constants. The views spread them as a literal
// checked against ReaderMarks, e.g. `{...({ 'data-reader-post': 3 } satisfies ReaderMarks)}`:
// a type, so the contract costs no code on the way to the first post, and a mark renamed
// here, or misspelt there, fails the type check.

/** On each post's <article>: the post's number in its topic (1 is the opening post). */
export const READER_POST = 'data-reader-post';
/** On the element, inside a post, that holds the author's name as shown. */
export const READER_AUTHOR = 'data-reader-author';
/** On the element holding a topic's posts: how many posts the whole topic has. */
export const READER_POST_COUNT = 'data-reader-post-count';
/** On a list of pages: the number of the page shown… */
export const READER_PAGE = 'data-reader-page';
/** …and of the last page. */
export const READER_LAST_PAGE = 'data-reader-last-page';
/** On the links to the previous and the next page. */
export const READER_PAGER = 'data-reader-pager';
/** On the links up the breadcrumb: the last of them is one level up. */
export const READER_UP = 'data-reader-up';
/** On the forum's search field. */
export const READER_SEARCH = 'data-reader-search';

/** The marks with their values, for the views to check theirs against. */
export type ReaderMarks = {
  [READER_POST]?: number;
  [READER_AUTHOR]?: '';
  [READER_POST_COUNT]?: number;
  [READER_PAGE]?: number;
  [READER_LAST_PAGE]?: number;
  [READER_PAGER]?: 'prev' | 'next';
  [READER_UP]?: '';
  [READER_SEARCH]?: '';
};

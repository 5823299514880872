// Search's query options, apart from ./queries.ts for the same reason as its schemas:
// only the search page's chunk needs them.
import { endpoints, searchKeys } from './endpoints';
import { query } from './queries';
import { searchAnswerSchema } from './search-schemas';

export const searchQueries = {
  all: () => searchKeys.all,
  /** One page of results for the words in `q` (already trimmed, never empty): by topic where the server can. */
  results: (q: string, page: number) => query(endpoints.search(q, page), searchAnswerSchema),
};

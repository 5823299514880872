import { SearchPage, type SearchPageState } from '../../features/search/components/search-page';

type SearchViewData = { q: string; page: number; state: SearchPageState };

/** Search results, loaded as their own chunk: reading a topic never downloads them. */
export function SearchRouteView({ data: { q, page, state } }: { data: SearchViewData }) {
  return <SearchPage key={`${q}-${page}`} q={q} page={page} state={state} />;
}

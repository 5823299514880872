import { SearchPage } from '../../features/search/components/search-page';
import type { SearchLoaderData } from './search-route';
import { useLoaderData } from '../navigation/route-loader';

/** Search results, loaded as their own chunk: reading a topic never downloads them. */
export function SearchRouteView() {
  const { q, page, state } = useLoaderData<SearchLoaderData>();
  return <SearchPage key={`${q}-${page}`} q={q} page={page} state={state} />;
}

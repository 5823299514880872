import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { SearchPage } from '../../features/search/components/search-page';

export function searchRoute(queryClient: QueryClient): RouteObject {
  void queryClient;
  return { path: 'search', Component: SearchPage };
}

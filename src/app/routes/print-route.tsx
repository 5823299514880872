import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router-dom';
import { PrintPage } from '../../features/print/components/print-page';

export function printRoute(queryClient: QueryClient): RouteObject {
  void queryClient;
  return { path: 'topic/:topicId/print', Component: PrintPage };
}

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useRoutes, type RouteObject } from 'react-router-dom';
import type { Navigator } from './navigation/navigator';
import { RouteErrorBoundary } from './navigation/route-error-boundary';
import { AppRouter } from './navigation/route-loader';
import { RouteError } from './route-error';

type AppProps = { queryClient: QueryClient; navigator: Navigator; routes: RouteObject[] };

export function App({ queryClient, navigator, routes }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <AppRouter navigator={navigator}>
        {/* A failure in the frame itself still gets a page, not a blank screen. */}
        <RouteErrorBoundary resetKey="app" fallback={(error) => <RouteError error={error} />}>
          <Routes routes={routes} />
        </RouteErrorBoundary>
      </AppRouter>
    </QueryClientProvider>
  );
}

function Routes({ routes }: { routes: RouteObject[] }) {
  return useRoutes(routes);
}

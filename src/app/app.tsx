import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AppLayout } from './layout';
import type { Navigator } from './navigation/navigator';
import { RouteErrorBoundary } from './navigation/route-error-boundary';
import { AppRouter } from './navigation/route-loader';
import { RouteError } from './route-error';

type AppProps = { queryClient: QueryClient; navigator: Navigator };

export function App({ queryClient, navigator }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <AppRouter navigator={navigator}>
        {/* A failure in the frame itself still gets a page, not a blank screen. */}
        <RouteErrorBoundary resetKey="app" fallback={(error) => <RouteError error={error} />}>
          <AppLayout navigator={navigator} />
        </RouteErrorBoundary>
      </AppRouter>
    </QueryClientProvider>
  );
}

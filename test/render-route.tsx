import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UNSAFE_createMemoryHistory as createMemoryHistory } from 'react-router-dom';
import { App } from '../src/app/app';
import { Navigator } from '../src/app/navigation/navigator';
import { createPages } from '../src/app/pages';

/**
 * Renders the whole reader at a URL, as a user arriving by link would see it.
 * Each call gets a fresh cache (no test sees another's data) with retries off,
 * so a failure shows at once instead of after the production backoff.
 */
export function renderRoute(url: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 60_000, gcTime: Infinity } },
  });
  const history = createMemoryHistory({ initialEntries: [url], v5Compat: true });
  const user = userEvent.setup();
    const utils = render(<App queryClient={queryClient} navigator={new Navigator(history, createPages(queryClient))} />);
  return { ...utils, user, history, queryClient };
}

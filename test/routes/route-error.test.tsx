import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { UNSAFE_createMemoryHistory as createMemoryHistory } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { Navigator } from '../../src/app/navigation/navigator';
import { AppRouter } from '../../src/app/navigation/route-loader';
import { createPages } from '../../src/app/pages';
import { RouteError } from '../../src/app/route-error';

describe('a view whose code cannot be downloaded', () => {
  it('says the forum cannot be reached and offers to try again, not "something went wrong"', async () => {
    // What Chromium reports when a lazily loaded chunk fails offline.
    const error = new TypeError('Failed to fetch dynamically imported module: /assets/topic-route-view.js');
    const navigator = new Navigator(createMemoryHistory({ initialEntries: ['/nowhere'], v5Compat: true }), createPages(new QueryClient()));
    render(
      <AppRouter navigator={navigator}>
        <RouteError error={error} />
      </AppRouter>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Cannot reach the forum' })).toBeInTheDocument();
    expect(screen.getByText(/Part of Lectern could not be downloaded/)).toBeInTheDocument();
    // Enabled once the navigator has settled on this address.
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeEnabled();
  });
});

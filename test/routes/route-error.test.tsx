import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RouteError } from '../../src/app/route-error';

describe('a view whose code cannot be downloaded', () => {
  it('says the forum cannot be reached and offers to try again, not "something went wrong"', async () => {
    const router = createMemoryRouter([
      {
        path: '/',
        ErrorBoundary: RouteError,
        // What Chromium reports when a lazily loaded chunk fails offline.
        loader: () => null,
        lazy: { Component: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/topic-route-view.js')) },
      },
    ]);
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cannot reach the forum' })).toBeInTheDocument();
    expect(screen.getByText(/Part of Lectern could not be downloaded/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

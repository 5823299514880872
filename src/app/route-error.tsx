import { lazy, Suspense } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Breadcrumb } from '../ui/breadcrumb';
import { Optional } from '../ui/optional';
import { ErrorPanel, type ErrorFace } from './error-panel';
import { useNavigationInfo } from './navigation/route-loader';
import { PageSkeleton } from './page-skeleton';

// A view's code chunk that did not download (offline, or a deploy replaced the files).
// Browsers remember a failed module import, so only a fresh page load retries it.
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(error.message)
  );
}

const chunkFace: ErrorFace = {
  title: 'Cannot reach the forum',
  message: 'Part of Lectern could not be downloaded. Check your connection, then try again.',
  retry: true,
};

// What each failure says, and the trail above it (from the cache, or the board index
// asked for), load only for a failure: they are off the way to every first post.
const FailurePage = lazy(async () => ({ default: (await import('./failure-page')).FailurePage }));

/** The route-level error page: no response, however broken, leaves a blank screen. */
export function RouteError({ error }: { error: unknown }) {
  const location = useLocation();
  const navigate = useNavigate();
  const { pending } = useNavigationInfo();
  // Without Lectern's own code there is no telling more: only a page load can get it.
  const unreachable = (
    <ErrorPanel
      face={chunkFace}
      trail={<Breadcrumb crumbs={[{ kind: 'forum', id: null, name: 'Board index' }, { kind: 'topic', id: null, name: chunkFace.title }]} />}
      onRetry={() => window.location.reload()}
    />
  );
  if (isChunkLoadError(error)) return unreachable;
  return (
    <Optional fallback={unreachable}>
      {/* The page shows whole, once its trail is known: the skeleton until then, so nothing moves. */}
      <Suspense fallback={<PageSkeleton />}>
        <FailurePage
          error={error}
          pathname={location.pathname}
          // Retry by going to this same address again, replacing it: the navigator runs the
          // page's loader afresh and the reader stays where they are.
          onRetry={() => void navigate(location, { replace: true })}
          retrying={pending !== null}
        />
      </Suspense>
    </Optional>
  );
}

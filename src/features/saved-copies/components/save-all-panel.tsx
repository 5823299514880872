import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { isApiError } from '../../../lib/api/api-error';
import { formatCount } from '../../../lib/format/format';
import type { SaveFailure } from '../api/save-all-pages';
import './save-all-pages.css';

type SaveState =
  | { status: 'idle' }
  | { status: 'saving'; saved: number; total: number | null }
  | { status: 'done'; total: number }
  | { status: 'stopped'; saved: number; total: number | null }
  | { status: 'failed'; saved: number; total: number | null; failure: SaveFailure };

function pagesOf(saved: number, total: number | null): string {
  return total === null ? formatCount(saved) : `${formatCount(saved)} of ${formatCount(total)}`;
}

function failureText(failure: SaveFailure): string {
  switch (failure.kind) {
    case 'storage':
      return 'This browser would not store the pages (storage is full, blocked or turned off).';
    case 'too-large':
      return `This topic has ${formatCount(failure.total)} pages, more than can be saved (${formatCount(failure.limit)}).`;
    case 'page': {
      const reason =
        isApiError(failure.error) && (failure.error.kind === 'network' || failure.error.kind === 'timeout')
          ? 'the forum cannot be reached'
          : 'the forum answered with an error';
      return `Page ${formatCount(failure.page)} could not be loaded: ${reason}.`;
    }
  }
}

// One saving job per topic, outside React: the topic page is a new component on every
// page of the topic, and reading on while the pages are saved must neither stop the
// job nor lose its progress. The job holds counts, never pages.
type Job = { state: SaveState; saved: Set<number>; controller: AbortController | null; listeners: Set<() => void> };
const jobs = new Map<number, Job>();

function jobFor(topicId: number): Job {
  let job = jobs.get(topicId);
  if (!job) {
    job = { state: { status: 'idle' }, saved: new Set(), controller: null, listeners: new Set() };
    jobs.set(topicId, job);
  }
  return job;
}

function setJobState(job: Job, next: SaveState): void {
  job.state = next;
  for (const listener of job.listeners) listener();
}

const totalOf = (state: SaveState) => ('total' in state ? state.total : null);

async function runJob(queryClient: QueryClient, topicId: number, job: Job): Promise<void> {
  const abort = new AbortController();
  job.controller = abort;
  // After a stop or a failure, only the rest; after "done", all of it afresh.
  if (job.state.status === 'done' || job.state.status === 'idle') job.saved.clear();
  setJobState(job, { status: 'saving', saved: job.saved.size, total: totalOf(job.state) });
  try {
    const { saveAllPages, SaveAllError } = await import('../api/save-all-pages');
    try {
      const total = await saveAllPages({
        queryClient,
        topicId,
        signal: abort.signal,
        saved: job.saved,
        onProgress: (count, total) => {
          if (!abort.signal.aborted) setJobState(job, { status: 'saving', saved: count, total });
        },
      });
      if (!abort.signal.aborted) setJobState(job, { status: 'done', total });
    } catch (error) {
      if (abort.signal.aborted) return;
      const failure: SaveFailure = error instanceof SaveAllError ? error.failure : { kind: 'storage', error };
      if (failure.kind === 'storage') console.warn('[lectern] saving pages for offline reading failed', failure.error);
      setJobState(job, { status: 'failed', saved: job.saved.size, total: totalOf(job.state), failure });
    }
  } catch (error) {
    // The saving code itself did not download.
    if (!abort.signal.aborted) setJobState(job, { status: 'failed', saved: job.saved.size, total: null, failure: { kind: 'page', page: 1, error } });
  }
}

function stopJob(job: Job): void {
  job.controller?.abort();
  setJobState(job, { status: 'stopped', saved: job.saved.size, total: totalOf(job.state) });
}

const DOWNLOAD_ICON = 'M11 3h2v9.6l3.3-3.3 1.4 1.4L12 16.4l-5.7-5.7 1.4-1.4 3.3 3.3V3ZM4 18h16v2H4v-2Z';

/**
 * "Save all pages" with its progress, a way to stop, and an error that keeps what was
 * already saved (trying again saves only the rest). Loaded when first pressed (see
 * ./save-all-pages.tsx); `startNow` is that press.
 */
export function SaveAllPanel({ topicId, startNow }: { topicId: number; startNow: boolean }) {
  const queryClient = useQueryClient();
  const job = jobFor(topicId);
  const subscribe = useCallback(
    (listener: () => void) => {
      job.listeners.add(listener);
      return () => job.listeners.delete(listener);
    },
    [job],
  );
  const state = useSyncExternalStore(subscribe, () => job.state);
  const start = useCallback(() => void runJob(queryClient, topicId, job), [queryClient, topicId, job]);
  const stop = () => stopJob(job);
  // The press that loaded this code; a second mount (StrictMode) finds the job running.
  useEffect(() => {
    if (startNow && job.state.status !== 'saving') start();
  }, [startNow, job, start]);

  const saving = state.status === 'saving';
  return (
    <div className="save-all">
      {saving ? (
        <button type="button" className="button button-small" onClick={stop}>
          Stop saving
        </button>
      ) : (
        <button type="button" className="button button-small" onClick={start}>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24">
            <path fill="currentColor" d={DOWNLOAD_ICON} />
          </svg>
          {state.status === 'failed' || state.status === 'stopped' ? 'Save the remaining pages' : 'Save all pages'}
        </button>
      )}
      {saving ? (
        <span className="save-all-progress">
          <progress max={state.total ?? undefined} value={state.total === null ? undefined : state.saved} aria-label="Saving pages for offline reading" />
          <span>
            {state.total === null
              ? 'Saving page 1…'
              : `Saving page ${formatCount(Math.min(state.saved + 1, state.total))} of ${formatCount(state.total)}…`}
          </span>
        </span>
      ) : null}
      {/* Announced once per outcome, not on every page saved. */}
      <p role="status" className={state.status === 'failed' ? 'save-all-status is-error' : 'save-all-status'}>
        {state.status === 'done'
          ? `All ${formatCount(state.total)} ${state.total === 1 ? 'page' : 'pages'} saved for offline reading.`
          : state.status === 'stopped'
            ? `Stopped. ${pagesOf(state.saved, state.total)} pages are saved for offline reading.`
            : state.status === 'failed'
              ? `${failureText(state.failure)} ${pagesOf(state.saved, state.total)} pages are saved; they stay saved.`
              : ''}
      </p>
    </div>
  );
}

import { lazy, Suspense, useState } from 'react';
import { Optional } from '../../../ui/optional';

const SaveAllPanel = lazy(async () => ({ default: (await import('./save-all-panel')).SaveAllPanel }));

// Once the panel's code is in, every topic page shows the panel (and a job's progress).
let panelWanted = false;

function SaveButton({ onClick }: { onClick?: () => void }) {
  return (
    // While the panel loads, the same button stands in its place (aria-disabled keeps the focus).
    <button type="button" className="button button-small needs-script" onClick={onClick} aria-disabled={onClick ? undefined : true}>
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24">
        <path fill="currentColor" d="M11 3h2v9.6l3.3-3.3 1.4 1.4L12 16.4l-5.7-5.7 1.4-1.4 3.3 3.3V3ZM4 18h16v2H4v-2Z" />
      </svg>
      Save all pages
    </button>
  );
}

/**
 * The "Save all pages" button of a topic. Only the button is on the way to the first
 * post; the saving (and its progress panel) loads when it is pressed.
 */
export function SaveAllPages({ topicId }: { topicId: number }) {
  const [pressed, setPressed] = useState(false);
  if (!pressed && !panelWanted) {
    return (
      <SaveButton
        onClick={() => {
          panelWanted = true;
          setPressed(true);
        }}
      />
    );
  }
  return (
    <Optional fallback={<p className="muted">Saving could not start: part of Lectern did not download. Check your connection, then reload.</p>}>
      <Suspense fallback={<SaveButton />}>
        <SaveAllPanel topicId={topicId} startNow={pressed} />
      </Suspense>
    </Optional>
  );
}

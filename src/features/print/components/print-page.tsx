import { useSuspenseQuery } from '@tanstack/react-query';
import { Fragment, useId, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../lib/api/api-error';
import { formatCount } from '../../../lib/format/format';
import { topicHref } from '../../../lib/reader-routes';
import { bulkPageQuery } from '../../../lib/topic-pages/bulk-page-query';
import { clampText, UntrustedText } from '../../../ui/untrusted-text';
import { formatPrintDate } from './print-date';
import { PrintPostGroup } from './print-post';
import { usePrintPages, type PrintPages } from './use-print-pages';
import './print-page.css';

/** `?images=0` prints text only; without it, images print. Kept in the URL so a reload keeps it. */
const IMAGES_PARAM = 'images';

/**
 * The whole topic on one page, for printing: SMF's print page (forum name, the trail
 * "Category => Board => Topic started by: X on DATE", then every post's title, author,
 * date and body). Pages load in the background with their progress shown, and appear
 * in order as they arrive; nothing is windowed away, so find-in-page and printing see
 * every post.
 */
/**
 * `leaving`: true from the moment the reader heads elsewhere, so loading stops then,
 * not when this view unmounts, and pages arriving meanwhile do not hold up the next
 * page's render.
 */
export function PrintPage({ topicId, leaving }: { topicId: number; leaving: boolean }) {
  const { data: first } = useSuspenseQuery(bulkPageQuery(topicId, 1));
  const pages = usePrintPages(topicId, first, !leaving);
  const [searchParams, setSearchParams] = useSearchParams();
  const withImagesInUrl = searchParams.get(IMAGES_PARAM) !== '0';
  // The choice shows at once; the URL (which a reload reads) follows in the router's
  // own time. Should the URL change by other means, it wins.
  const [withImages, setWithImages] = useState(withImagesInUrl);
  const [urlSeen, setUrlSeen] = useState(withImagesInUrl);
  if (urlSeen !== withImagesInUrl) {
    setUrlSeen(withImagesInUrl);
    setWithImages(withImagesInUrl);
  }
  const { topic, breadcrumb } = first;
  const forumName = breadcrumb.find((crumb) => crumb.kind === 'forum')?.name ?? '';
  const trail = breadcrumb.filter((crumb) => crumb.kind === 'category' || crumb.kind === 'board').map((crumb) => crumb.name);
  const noteId = useId();
  const cut =
    first.page.totalPages > pages.total
      ? `This topic has ${formatCount(first.page.totalPages)} pages; the print view holds the first ${formatCount(pages.total)}.`
      : null;

  const setImages = (on: boolean) => {
    setWithImages(on);
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (on) next.delete(IMAGES_PARAM);
        else next.set(IMAGES_PARAM, '0');
        return next;
      },
      // A setting, not a new place: no history entry, and a replaced URL keeps the
      // reader where they are (see ScrollRestoration).
      { replace: true },
    );
  };

  return (
    <div className="print-view">
      <title>{clampText(`Print: ${topic.title}${forumName ? ` · ${forumName}` : ''}`)}</title>
      <div className="print-toolbar">
        <div className="print-toolbar-row">
          <Link to={topicHref(topic.id)} className="print-back">
            <span aria-hidden="true">← </span>Back to the topic
          </Link>
          <fieldset className="print-images needs-script">
            <legend>Images</legend>
            <label>
              <input type="radio" name="print-images" checked={withImages} onChange={() => setImages(true)} /> With images
            </label>
            <label>
              <input type="radio" name="print-images" checked={!withImages} onChange={() => setImages(false)} /> Text only
            </label>
          </fieldset>
          <button
            type="button"
            className="button button-primary print-button needs-script"
            // Lazy images far down the page need no help: Chromium loads them for printing
            // (checked on the 10,000-post topic, whose PDF has every image).
            onClick={() => window.print()}
            disabled={pages.loading}
            aria-describedby={noteId}
          >
            Print
          </button>
        </div>
        <PrintProgress pages={pages} noteId={noteId} />
        {cut ? <p className="print-note">{cut}</p> : null}
      </div>

      <div className={withImages ? 'print-document' : 'print-document print-text-only'}>
        <h1 className="print-forum">
          <UntrustedText>{forumName}</UntrustedText>
        </h1>
        <p className="print-trail">
          {trail.map((name, i) => (
            <Fragment key={i}>
              <UntrustedText>{name}</UntrustedText>
              {' => '}
            </Fragment>
          ))}
          Topic started by: <UntrustedText>{topic.starter.name}</UntrustedText> on{' '}
          <time dateTime={topic.startedAt}>{formatPrintDate(topic.startedAt)}</time>
        </p>
        <div className="print-posts">
          <PrintSlots pages={pages} pageSize={first.page.size} totalPosts={first.page.totalItems} />
        </div>
        {/* On paper too, where the printout ends. */}
        {cut && !pages.loading ? <p className="print-missing">{cut}</p> : null}
      </div>
    </div>
  );
}

/**
 * The pages in order, up to the first one still on its way, so the document only
 * grows at its end. A failed page leaves a note in its place and the pages after it
 * still show.
 */
function PrintSlots({ pages, pageSize, totalPosts }: { pages: PrintPages; pageSize: number; totalPosts: number }) {
  const items: ReactNode[] = [];
  for (const [index, slot] of pages.slots.entries()) {
    const page = index + 1;
    if (slot.status === 'pending') {
      items.push(
        <p key="more" className="print-more muted">
          Page {formatCount(page)} is on its way…
        </p>,
      );
      break;
    }
    if (slot.status === 'loaded') {
      items.push(<PrintPostGroup key={page} posts={slot.data.posts} />);
    } else {
      const from = (page - 1) * pageSize + 1;
      const to = Math.min(page * pageSize, Math.max(totalPosts, from));
      items.push(
        <p key={page} className="print-missing">
          Page {formatCount(page)} (posts {formatCount(from)}–{formatCount(to)}) could not be loaded: {reasonOf(slot.error)}
        </p>,
      );
    }
  }
  return items;
}

function PrintProgress({ pages, noteId }: { pages: PrintPages; noteId: string }) {
  const { total, loaded, failed, loading, retry } = pages;
  const settled = loaded + failed.length;
  const textId = useId();
  const text = loading
    ? `Loading page ${formatCount(Math.min(settled + 1, total))} of ${formatCount(total)}…`
    : failed.length === 0
      ? total === 1
        ? 'The whole topic is loaded (1 page)'
        : `All ${formatCount(total)} pages loaded`
      : `${formatCount(loaded)} of ${formatCount(total)} pages loaded`;
  // Screen readers hear the start, each quarter and the end, not every one of 667 pages.
  const quarter = Math.floor((settled / total) * 4);
  const announcement = loading ? (quarter === 0 ? `Loading ${formatCount(total)} pages…` : `${quarter * 25}% of the pages loaded`) : text;
  const firstFailure = failed[0];

  return (
    <div className="print-progress">
      <div className="print-progress-row">
        <p id={textId} className="print-progress-text">
          {text}
        </p>
        <progress className="print-progress-bar" value={loaded} max={total} aria-labelledby={textId} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <p id={noteId} className="print-note muted">
        {loading
          ? 'Printing becomes possible once every page has loaded.'
          : failed.length > 0
            ? 'The missing pages will be left out of the printout unless they load.'
            : 'Ready to print.'}
      </p>
      {firstFailure !== undefined ? (
        <div className="print-error" role="alert">
          <p>
            {failed.length === 1 ? 'Page' : 'Pages'} {listPages(failed)} could not be loaded: {reasonOf(failureOf(pages, firstFailure))}
          </p>
          <button type="button" className="button" onClick={retry}>
            Retry
          </button>
        </div>
      ) : null}
    </div>
  );
}

function listPages(pages: readonly number[]): string {
  const shown = pages.slice(0, 5).map((page) => formatCount(page));
  const rest = pages.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${formatCount(rest)} more`;
  if (shown.length === 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}

function failureOf(pages: PrintPages, page: number): unknown {
  const slot = pages.slots[page - 1];
  return slot?.status === 'failed' ? slot.error : undefined;
}

/** The client's own words for what went wrong ("The server answered 500…"), as a sentence. */
function reasonOf(error: unknown): string {
  const message = isApiError(error) ? error.message : 'an unexpected error';
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

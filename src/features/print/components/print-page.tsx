import { useSuspenseQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../lib/api/api-error';
import type { TopicResponse } from '../../../lib/api/schemas';
import { formatCount } from '../../../lib/format/format';
import { printHref, topicHref } from '../../../lib/reader-routes';
import { bulkPageQuery } from '../../../lib/topic-pages/bulk-page-query';
import { useHydrated, useShownZone } from '../../../ui/server-render';
import { clampText, UntrustedText } from '../../../ui/untrusted-text';
import { formatPrintDate } from './print-date';
import { PrintPostGroup } from './print-post';
import { postsInRange, readPrintRange, type PrintRange } from './print-range';
import { usePrintPages, type PrintPages } from './use-print-pages';
import './print-page.css';

/** `?images=0` prints text only; without it, images print. Kept in the URL so a reload keeps it. */
const IMAGES_PARAM = 'images';

/**
 * A topic as a document, for printing: a small bar (back to the topic, images or not,
 * progress, which pages, Print) over the document itself (the trail, the title, who
 * started it, then every post). Pages load in the background with their progress shown,
 * and appear in order as they arrive; nothing is windowed away, so find-in-page and
 * printing see every post. `?from=N&to=M` narrows it to those pages of the topic.
 *
 * `leaving`: true from the moment the reader heads elsewhere, so loading stops then,
 * not when this view unmounts, and pages arriving meanwhile do not hold up the next
 * page's render.
 */
export function PrintPage({ topicId, leaving }: { topicId: number; leaving: boolean }) {
  const { data: first } = useSuspenseQuery(bulkPageQuery(topicId, 1));
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
  const range = readPrintRange(searchParams, first.page.totalPages);

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

  // A new range is a new document, with its own pages and progress.
  return (
    <PrintRangeView
      key={`${range.from}-${range.to}`}
      topicId={topicId}
      first={first}
      range={range}
      active={!leaving}
      withImages={withImages}
      setImages={setImages}
    />
  );
}

type RangeViewProps = {
  topicId: number;
  first: TopicResponse;
  range: PrintRange;
  active: boolean;
  withImages: boolean;
  setImages: (on: boolean) => void;
};

function PrintRangeView({ topicId, first, range, active, withImages, setImages }: RangeViewProps) {
  const pages = usePrintPages(topicId, first, range, active);
  const zone = useShownZone();
  const { topic, breadcrumb } = first;
  const { size: pageSize, totalItems, totalPages } = first.page;
  const forumName = breadcrumb.find((crumb) => crumb.kind === 'forum')?.name ?? '';
  const trail = breadcrumb.filter((crumb) => crumb.kind !== 'topic').map((crumb) => crumb.name);
  const totalPosts = postsInRange(range, pageSize, totalItems);
  const noteId = useId();
  const cut =
    !range.chosen && totalPages > pages.total
      ? `This topic has ${formatCount(totalPages)} pages; the print view holds the first ${formatCount(pages.total)}.`
      : null;
  const firstPost = (range.from - 1) * pageSize + 1;
  const scope = range.chosen
    ? `Pages ${formatCount(range.from)}–${formatCount(range.to)} of ${formatCount(totalPages)}, posts ${formatCount(firstPost)}–${formatCount(firstPost + totalPosts - 1)}`
    : `${formatCount(totalPosts)} ${totalPosts === 1 ? 'post' : 'posts'}`;
  useLinkAddressesOnPaper();
  // The server does not know the address the reader sees; the browser fills it in.
  const origin = useHydrated() ? window.location.origin : '';

  return (
    <div className="print-view">
      <title>{clampText(`Print: ${topic.title}${forumName ? ` · ${forumName}` : ''}`)}</title>
      <div className="print-bar">
        <div className="print-bar-inner">
          <Link to={topicHref(topic.id)} className="print-back">
            <span aria-hidden="true">← </span>Back to the topic
          </Link>
          <PrintProgress pages={pages} totalPosts={totalPosts} noteId={noteId} />
          <button
            type="button"
            className="button button-primary print-button needs-script"
            // Lazy images far down the page need no help: Chromium loads them for printing
            // (checked on the 10,000-post topic, whose PDF has every image).
            onClick={() => window.print()}
            disabled={pages.loadedPosts === 0}
            aria-describedby={noteId}
          >
            Print
          </button>
        </div>
      </div>
      <div className="print-options">
        <fieldset className="print-images needs-script">
          <legend>Images</legend>
          <label>
            <input type="radio" name="print-images" checked={withImages} onChange={() => setImages(true)} /> With images
          </label>
          <label>
            <input type="radio" name="print-images" checked={!withImages} onChange={() => setImages(false)} /> Text only
          </label>
        </fieldset>
        {totalPages > 1 ? <PrintRangeForm topicId={topicId} range={range} totalPages={totalPages} withImages={withImages} /> : null}
        {cut ? <p className="print-note">{cut}</p> : null}
      </div>

      <div className={withImages ? 'print-document' : 'print-document print-text-only'}>
        <header className="print-head">
          <p className="print-trail">
            {trail.map((name, i) => (
              <Fragment key={i}>
                {i > 0 ? <span aria-hidden="true"> › </span> : null}
                <UntrustedText>{name}</UntrustedText>
              </Fragment>
            ))}
          </p>
          <h1 className="print-title">
            <UntrustedText>{topic.title}</UntrustedText>
          </h1>
          <p className="print-meta">
            Started by <UntrustedText>{topic.starter.name}</UntrustedText> on{' '}
            <time dateTime={topic.startedAt}>{formatPrintDate(topic.startedAt, zone)}</time>
            <span aria-hidden="true"> · </span>
            {scope}
          </p>
          {/* On paper, where it came from: a printout outlives the tab it was printed in. */}
          <p className="print-source">{`${origin}${topicHref(topic.id)}`}</p>
        </header>
        <div className="print-posts">
          <PrintSlots pages={pages} pageSize={pageSize} totalPosts={totalItems} topicTitle={topic.title} />
        </div>
        {/* On paper only, where the printout ends early because the rest had not loaded. */}
        {pages.loading ? (
          <p className="print-partial">
            This printout holds {formatCount(pages.loadedPosts)} of {formatCount(totalPosts)} posts; the rest had not loaded when it was
            printed.
          </p>
        ) : null}
        {/* On paper too, where the printout ends. */}
        {cut && !pages.loading ? <p className="print-missing">{cut}</p> : null}
      </div>
    </div>
  );
}

/**
 * "Pages from … to …": a plain GET form, so it works without JavaScript too (the server
 * renders the range), and with it becomes a move within the app. The range lives in the
 * URL (?from=&to=), so it can be shared and reloaded.
 */
function PrintRangeForm({ topicId, range, totalPages, withImages }: { topicId: number; range: PrintRange; totalPages: number; withImages: boolean }) {
  const [, setSearchParams] = useSearchParams();
  const fromId = useId();
  const toId = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const asked = readPrintRange(new URLSearchParams({ from: String(form.get('from') ?? ''), to: String(form.get('to') ?? '') }), totalPages);
    setSearchParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('from', String(asked.from));
      next.set('to', String(asked.to));
      return next;
    });
  };
  const whole = `${printHref(topicId)}${withImages ? '' : `?${IMAGES_PARAM}=0`}`;
  return (
    <form className="print-range" method="get" action={printHref(topicId)} onSubmit={onSubmit} aria-label="Pages to print">
      <label htmlFor={fromId}>
        <span className="print-range-label">Pages</span> from
      </label>
      <input id={fromId} name="from" type="number" inputMode="numeric" min={1} max={totalPages} defaultValue={range.from} required />
      <label htmlFor={toId}>to</label>
      <input id={toId} name="to" type="number" inputMode="numeric" min={1} max={totalPages} defaultValue={range.to} required />
      {withImages ? null : <input type="hidden" name={IMAGES_PARAM} value="0" />}
      <button type="submit" className="button">
        Show these pages
      </button>
      {range.chosen ? (
        <Link to={whole} className="print-range-all">
          Whole topic
        </Link>
      ) : null}
    </form>
  );
}

/**
 * On paper a link's address is all a reader has: before printing, external links whose
 * text is not already their address are marked, and print-page.css writes the address
 * after them. Done at print time, not in the render, so 10,000 posts cost nothing until then.
 */
function useLinkAddressesOnPaper(): void {
  useEffect(() => {
    const mark = () => {
      for (const link of document.querySelectorAll<HTMLAnchorElement>('.print-document .post-body a[href^="http"]')) {
        const text = (link.textContent ?? '').trim().replace(/\/$/, '');
        const bare = link.href.replace(/\/$/, '');
        const same = text === bare || text === bare.replace(/^https?:\/\//, '') || link.querySelector('img') !== null;
        if (!same) link.dataset.printUrl = link.href;
      }
    };
    window.addEventListener('beforeprint', mark);
    return () => window.removeEventListener('beforeprint', mark);
  }, []);
}

/**
 * The pages in order, up to the first one still on its way, so the document only
 * grows at its end. A failed page leaves a note in its place and the pages after it
 * still show.
 */
function PrintSlots({ pages, pageSize, totalPosts, topicTitle }: { pages: PrintPages; pageSize: number; totalPosts: number; topicTitle: string }) {
  const items: ReactNode[] = [];
  for (const [index, slot] of pages.slots.entries()) {
    const page = pages.from + index;
    if (slot.status === 'pending') {
      items.push(
        <p key="more" className="print-more muted">
          {page === pages.from + pages.total - 1
            ? `Page ${formatCount(page)} has not loaded yet.`
            : `Pages ${formatCount(page)}–${formatCount(pages.from + pages.total - 1)} have not loaded yet.`}
        </p>,
      );
      break;
    }
    if (slot.status === 'loaded') {
      items.push(<PrintPostGroup key={page} posts={slot.data.posts} topicTitle={topicTitle} />);
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

function PrintProgress({ pages, totalPosts, noteId }: { pages: PrintPages; totalPosts: number; noteId: string }) {
  const { total, loaded, loadedPosts, failed, loading, retry } = pages;
  const settled = loaded + failed.length;
  const textId = useId();
  const text = !loading && failed.length === 0 ? doneText(loadedPosts) : `Loaded ${formatCount(loadedPosts)} of ${formatCount(totalPosts)} posts`;
  // Screen readers hear the start, each quarter and the end, not every one of 667 pages:
  // the polite region's words change only that often.
  const quarter = Math.floor((settled / total) * 4);
  const announcement = loading
    ? quarter === 0
      ? `Loading ${formatCount(totalPosts)} posts…`
      : `${quarter * 25}% of the posts loaded`
    : text;
  const firstFailure = failed[0];

  return (
    <div className="print-progress">
      <div className="print-progress-row">
        <Reserved className="print-progress-text" room={[`Loaded ${formatCount(totalPosts)} of ${formatCount(totalPosts)} posts`, doneText(totalPosts)]}>
          <p id={textId} className="print-progress-text">
            {text}
          </p>
        </Reserved>
        <progress className="print-progress-bar" value={loadedPosts} max={Math.max(1, totalPosts)} aria-labelledby={textId} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <Reserved className="print-note muted needs-script" room={Object.values(NOTES)}>
        <p id={noteId} className="print-note muted needs-script">
          {loading ? (loadedPosts > 0 ? NOTES.partial : NOTES.none) : failed.length > 0 ? NOTES.failed : NOTES.ready}
        </p>
      </Reserved>
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

/** What Print's note says, by how far loading has come. */
const NOTES = {
  partial: 'Print now for the posts loaded so far, or wait for the rest.',
  none: 'Printing becomes possible once the first posts have loaded.',
  failed: 'The missing pages will be left out of the printout unless they load.',
  ready: 'Ready to print.',
};

function doneText(posts: number): string {
  return posts === 1 ? 'Loaded the whole topic (1 post)' : `Loaded all ${formatCount(posts)} posts`;
}

/**
 * Words that change as pages load, standing in the room the longest of their wordings
 * (`room`) needs, so that nothing beside or below them moves when they change (they
 * did: the bar shifted as "Loaded 15 of 41" became "Loaded all 41", and on a phone the
 * whole document moved up a line as the note shrank to "Ready to print."). The room is
 * drawn invisibly from an attribute (print-page.css), so it is neither read out nor
 * found by find-in-page, and has the same class as the words it makes room for.
 */
function Reserved({ className, room, children }: { className: string; room: readonly string[]; children: ReactNode }) {
  return (
    <div className="print-reserve">
      {children}
      {room.map((words, i) => (
        <span key={i} className={`${className} print-reserve-room`} aria-hidden="true" data-words={words} />
      ))}
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
  const slot = pages.slots[page - pages.from];
  return slot?.status === 'failed' ? slot.error : undefined;
}

/** The client's own words for what went wrong ("The server answered 500…"), as a sentence. */
function reasonOf(error: unknown): string {
  const message = isApiError(error) ? error.message : 'an unexpected error';
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

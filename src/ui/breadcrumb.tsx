import { Link } from 'react-router-dom';
import type { Crumb } from '../lib/api/schemas';
import { boardHref, categoryHref, topicHref } from '../lib/reader-routes';
import type { ReaderMarks } from './reader-landmarks';
import { clampText } from './untrusted-text';

function crumbHref({ kind, id }: Crumb): string {
  return id === null || kind === 'forum' ? '/' : { category: categoryHref, board: boardHref, topic: topicHref }[kind](id);
}

/**
 * Forum → category → parent boards… → here. Every crumb but the last is a real link;
 * the last is the current page (aria-current) and plain text.
 *
 * A phone shows only the way up ("‹ parent", styles.css) and, when there is more above
 * it, this disclosure, which reveals the rest by CSS: it works before hydration and
 * without script, and screen readers hear the whole trail either way.
 */
export function Breadcrumb({ crumbs }: { crumbs: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          const name = clampText(crumb.name);
          // dir="auto" isolates the name (as <bdi> does) on the element that holds it.
          return (
            // A trail never reorders: its place is its key.
            <li key={index}>
              {last ? (
                <span aria-current="page" dir="auto">
                  {name}
                </span>
              ) : (
                <Link to={crumbHref(crumb)} dir="auto" {...({ 'data-reader-up': '' } satisfies ReaderMarks)}>
                  {name}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      <details>
        <summary aria-label="Full trail">…</summary>
      </details>
    </nav>
  );
}

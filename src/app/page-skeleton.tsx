import { useLocation } from 'react-router-dom';
import { matchReaderUrl } from '../lib/reader-routes';

/**
 * What a page shows while its data arrives: no spinner, the shape of the page it stands
 * for (its trail, heading, and rows or posts: styles.css, by data-page), where that page
 * will stand.
 */
export function PageSkeleton() {
  const match = matchReaderUrl(useLocation());
  return (
    <div className="skeleton" role="status" data-page={'page' in match ? match.page.name : ''}>
      <span className="visually-hidden">Loading…</span>
      <div className="skeleton-crumb" />
      <div className="skeleton-title" />
      <div className="skeleton-meta" />
      <div className="skeleton-list">
        {[1, 2, 3, 4, 5, 6].map((row) => (
          <div key={row} />
        ))}
      </div>
    </div>
  );
}

/** What the first load shows while its data arrives: the page's shape, no spinner. */
export function PageSkeleton() {
  return (
    <div className="skeleton" role="status">
      <span className="visually-hidden">Loading…</span>
      <div className="skeleton-line skeleton-crumb" />
      <div className="skeleton-line skeleton-title" />
      <div className="skeleton-block" />
      <div className="skeleton-block" />
    </div>
  );
}

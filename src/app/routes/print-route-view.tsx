import { PrintPage } from '../../features/print/components/print-page';
import type { PageOf } from '../../lib/reader-routes';
import { useNavigationInfo } from '../navigation/route-loader';

type PrintViewData = PageOf<'print'>;

/** `/topic/{id}/print`: the whole topic on one page (SMF's print page), its own chunk with its print styles. */
export function PrintRouteView({ data: { topicId } }: { data: PrintViewData }) {
  const { pending, location } = useNavigationInfo();
  // A new topic starts from nothing: its own progress, its own pages. Switching
  // "text only" replaces the URL and keeps this page (and its loaded pages).
  return <PrintPage key={topicId} topicId={topicId} leaving={pending !== null && pending.pathname !== location.pathname} />;
}

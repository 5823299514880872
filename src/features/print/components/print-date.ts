/**
 * SMF's print page writes times as "2024-10-21 15:19". The print view keeps that
 * format, in UTC, so a printout reads the same wherever it was printed and matches
 * the forum's own print pages word for word.
 */
export function formatPrintDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

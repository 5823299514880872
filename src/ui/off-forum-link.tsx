import type { ReactNode } from 'react';
import { sanitizeUrl } from '../lib/bbcode/url';

type OffForumTarget = { href: string; host: string };

/**
 * A redirect board's address, when the reader may follow it: http(s) only. The address
 * is the forum's untrusted data; the post-body allow-list vets it ('resource' refuses
 * mailto:), and same-origin paths are refused too, since this link says it leaves the forum.
 */
export function offForumTarget(raw: string): OffForumTarget | null {
  const href = sanitizeUrl(raw, 'resource');
  // The allow-list hands back http(s) URLs in their serialised form, paths as given.
  if (!href?.startsWith('http')) return null;
  // `host`, not a name from the data: the reader sees where the link really goes (IDNs as punycode).
  return { href, host: new URL(href).host };
}

/**
 * A link off the forum: says so to screen readers and with an arrow on screen, and
 * hands the other site neither this page (noopener) nor its address (noreferrer).
 */
export function OffForumLink({ target, children }: { target: OffForumTarget; children: ReactNode }) {
  return (
    <a href={target.href} rel="noopener noreferrer" className="off-forum-link">
      {children}{' '}
      <span className="visually-hidden">(leaves the forum)</span>
      <span aria-hidden="true">↗</span>
    </a>
  );
}

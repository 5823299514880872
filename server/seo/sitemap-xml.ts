// The sitemaps.org 0.9 documents, as text: a sitemap index (`sitemapindex`) naming the
// sitemaps, and a sitemap (`urlset`) naming pages. Every value is XML-escaped, since a
// URL may carry `&` (a query string, or an origin the deployer configured) and an
// unescaped one makes the whole file unreadable to a crawler.

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** One `<url>` or `<sitemap>`: an absolute address, and when it last changed (W3C datetime) if known. */
export interface SitemapEntry {
  loc: string;
  lastmod: string | null;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for an element's content or an attribute value. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function entries(tag: 'url' | 'sitemap', list: readonly SitemapEntry[]): string {
  return list
    .map(({ loc, lastmod }) => {
      const time = lastmod === null ? '' : `<lastmod>${xmlEscape(lastmod)}</lastmod>`;
      return `<${tag}><loc>${xmlEscape(loc)}</loc>${time}</${tag}>\n`;
    })
    .join('');
}

// The schemas require at least one child in either document: callers never ask for an
// empty one (an empty page is a 404, see sitemap-data.ts).
export function urlsetXml(urls: readonly SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}">\n${entries('url', urls)}</urlset>\n`;
}

export function sitemapIndexXml(sitemaps: readonly SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n${entries('sitemap', sitemaps)}</sitemapindex>\n`;
}

// The sitemaps.org XML schemas (./xsd/) and a validator for them, for the tests: the
// server's own (seo-routes.test.ts) and the browser tests against `npm run server`.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const SITEMAP_XSD = fileURLToPath(new URL('./xsd/sitemap.xsd', import.meta.url));
export const SITEINDEX_XSD = fileURLToPath(new URL('./xsd/siteindex.xsd', import.meta.url));

/**
 * Validates documents against an XSD with Debian's xmllint (libxml2-utils), offline. A
 * missing xmllint fails the test on purpose: an unvalidated sitemap is not a pass.
 */
export async function validate(xsd: string, documents: readonly string[]): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-sitemaps-'));
  try {
    const files = await Promise.all(
      documents.map(async (doc, i) => {
        const file = join(dir, `doc-${String(i)}.xml`);
        await writeFile(file, doc);
        return file;
      }),
    );
    await promisify(execFile)('xmllint', ['--noout', '--nonet', '--schema', xsd, ...files]).catch((error: unknown) => {
      const { code, stderr } = error as { code?: unknown; stderr?: unknown };
      if (code === 'ENOENT') throw new Error('xmllint is not installed: apt-get install -y libxml2-utils');
      throw new Error(`xmllint rejected a document:\n${String(stderr)}`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

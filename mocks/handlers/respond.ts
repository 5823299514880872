// Shared plumbing for the resource handlers: the contract's error body, query
// parameter parsing, the API base urls are built from, and optional latency.
import { HttpResponse, delay } from 'msw';
import type { Forum } from '../db/build-forum';
import type { Failure, Result } from '../db/queries';
import { badRequest } from '../db/queries';
import type { ApiBase } from '../db/serialize';

export interface HandlerContext {
  forum(): Forum;
  /** Waits as a real server would (or not at all). */
  pause(): Promise<void>;
}

export function createPause(latency: readonly [number, number] | null): () => Promise<void> {
  if (!latency) return () => Promise.resolve();
  const [min, max] = latency;
  // Latency is the one random thing not seeded: it shapes timing, never data.
  return () => delay(min + Math.floor(Math.random() * (max - min + 1)));
}

export function errorResponse(failure: Failure): Response {
  return HttpResponse.json({ error: { code: failure.code, message: failure.message } }, { status: failure.status });
}

export function respond<T extends object>(result: Result<T>): Response {
  // JsonBodyType cannot express our interfaces directly, but every value here is plain JSON data.
  return result.ok ? HttpResponse.json(result.value as Record<string, unknown>) : errorResponse(result);
}

// Zero or more `/segment`s of unreserved characters: no empty segment, no dot segment
// alone, no backslash (which browsers read as a slash), no percent-escape.
const SAFE_PREFIX = /^(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9._~-]+)*$/;

/**
 * The API base that attachment and avatar urls start with: root-relative (`/api`, or
 * `/forum/api` when the API is mounted under a prefix), so the browser resolves them
 * against the origin it used, behind a reverse proxy or not, and images stay
 * same-origin for the CSP's img-src 'self'. Never built from Host or X-Forwarded-*:
 * those are the client's to forge (`X-Forwarded-Proto: javascript` once made
 * javascript: urls). A prefix is kept only when it is plain path segments; anything
 * else, `//host` above all (a protocol-relative url, i.e. another origin), is `/api`.
 */
export function apiBaseOf(request: Request): ApiBase {
  const { pathname } = new URL(request.url);
  const at = pathname.indexOf('/api/');
  const prefix = at === -1 ? '' : pathname.slice(0, at);
  return `${SAFE_PREFIX.test(prefix) ? prefix : ''}/api`;
}

/** An id from the path; anything but a positive integer names nothing (404 by the caller). */
export function idParam(raw: string | readonly string[] | undefined): number | null {
  if (typeof raw !== 'string' || !/^[1-9][0-9]*$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export type Parsed = { ok: true; value: number | null } | Failure;

/**
 * A positive integer query parameter, or null when absent. Zero, negatives,
 * fractions, words and repeated parameters are a 400, as the contract says.
 * Numbers beyond the safe range parse as Infinity, which is past any last page.
 */
export function positiveIntParam(url: URL, name: string): Parsed {
  const values = url.searchParams.getAll(name);
  if (values.length === 0) return { ok: true, value: null };
  const raw = values[0];
  if (values.length > 1 || raw === undefined) return badRequest(`Give "${name}" once.`);
  if (!/^[0-9]+$/.test(raw) || /^0+$/.test(raw)) return badRequest(`"${name}" must be a positive integer, not "${raw}".`);
  const n = Number(raw);
  return { ok: true, value: Number.isSafeInteger(n) ? n : Number.POSITIVE_INFINITY };
}

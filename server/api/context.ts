// What the API handlers share: the database, the cached forum structure, the forum's
// name, where the API's own urls point, and the error type that becomes the
// contract's `{ error: { code, message } }` body.
import type { Kysely } from 'kysely';
import type { ForumStructure } from '../smf/forum-structure';
import type { SmfDatabase } from '../smf/schema';

export interface ApiContext {
  db: Kysely<SmfDatabase>;
  dialect: 'mysql' | 'postgres';
  structure(): Promise<ForumStructure>;
  forum: { name: string; description: string | null };
  /**
   * Prefix of the urls the answers hand out (attachments, avatars): `/api` by default,
   * root-relative so they resolve against whatever origin the reader is on, and never
   * built from request headers a client could forge.
   */
  apiBase: string;
}

export type ErrorStatus = 400 | 403 | 404 | 501 | 503;

export class ApiError extends Error {
  readonly status: ErrorStatus;
  readonly code: string;

  constructor(status: ErrorStatus, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const notFound = (message: string): ApiError => new ApiError(404, 'not_found', message);
export const badRequest = (message: string): ApiError => new ApiError(400, 'bad_request', message);
export const forbidden = (message: string): ApiError => new ApiError(403, 'forbidden', message);

/** `2024-10-21T15:19:00Z`: the contract's form, from SMF's unix seconds. */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An empty list still has one (empty) page, so page 1 always exists. */
export function totalPagesFor(totalItems: number, size: number): number {
  return Math.max(1, Math.ceil(totalItems / size));
}

export function pastLastPage(page: number, totalPages: number): ApiError {
  return notFound(`Page ${String(page)} does not exist; the last page is ${String(totalPages)}.`);
}

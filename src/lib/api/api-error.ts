// One error type for everything that can go wrong between the reader and the
// API, so every view can say *what* went wrong rather than "something failed".
type ApiErrorKind =
  | 'http' // the server answered with a non-2xx status
  | 'not-json' // a 2xx body that is not JSON (an HTML error page, a proxy's login form…)
  | 'contract' // JSON that breaks the API contract
  | 'network' // no answer at all: offline, DNS, connection refused or dropped
  | 'timeout'; // an answer slower than the reader waits for

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status, for kind "http". */
  readonly status: number | undefined;
  /** The contract's `error.code` when the server sent one ("not_found", "forbidden"…). */
  readonly code: string | undefined;
  /** The request path, for the console and error pages. */
  readonly path: string;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { path: string; status?: number; code?: string; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.path = options.path;
    this.status = options.status;
    this.code = options.code;
  }

  get isNotFound(): boolean {
    return this.kind === 'http' && this.status === 404;
  }

  get isForbidden(): boolean {
    return this.kind === 'http' && (this.status === 403 || this.status === 401);
  }

  /**
   * Worth trying again automatically: the failure may be passing. Never 4xx or
   * contract errors, nor 501 (the server does not implement this at all).
   */
  get isTransient(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      (this.kind === 'http' && this.status !== undefined && this.status >= 500 && this.status !== 501)
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

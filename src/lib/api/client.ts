// The one fetch client. Every response is checked against the contract here, at
// the edge, so components only ever see data of the documented shape.
import * as v from 'valibot';
import { ApiError } from './api-error';
import { apiBaseUrl, apiTimeoutMs } from './base-url';
import { takeEarlyRequest } from './early-request';
import type { ApiPath } from './endpoints';
import { apiTransport } from './transport';
import { errorBodySchema } from './schemas';

const DEFAULT_TIMEOUT_MS = apiTimeoutMs;

type GetOptions = { signal?: AbortSignal | undefined; timeoutMs?: number };

export async function apiGet<TSchema extends v.GenericSchema>(
  path: ApiPath,
  schema: TSchema,
  { signal, timeoutMs = DEFAULT_TIMEOUT_MS }: GetOptions = {},
): Promise<v.InferOutput<TSchema>> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  // Why a request ended without an answer, before or while its body was read. A
  // cancellation by the caller (React Query aborting an unused request) is not an
  // error to show. A timeout is ours, or the early request's own (its clock started
  // sooner, so ours may not have run out yet): either is a timeout, not a lost connection.
  const lost = (cause: unknown, message: string): unknown => {
    if (signal?.aborted) return cause;
    return timeout.aborted || (cause instanceof DOMException && cause.name === 'TimeoutError')
      ? new ApiError('timeout', `The server did not answer within ${timeoutMs / 1000} s.`, { path, cause })
      : new ApiError('network', message, { path, cause });
  };

  let response: Response;
  try {
    response = await (takeEarlyRequest(path) ??
      apiTransport(`${apiBaseUrl}${path}`, {
        headers: { Accept: 'application/json' },
        signal: combined,
      }));
  } catch (cause) {
    throw lost(cause, 'The server could not be reached.');
  }

  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw lost(cause, 'The connection dropped while reading the answer.');
  }

  if (!response.ok) {
    const body = parseJson(text);
    const parsed = body.ok ? v.safeParse(errorBodySchema, body.value) : undefined;
    const message = parsed?.success ? parsed.output.error.message : `The server answered ${response.status} ${response.statusText}`.trim();
    throw new ApiError('http', message, {
      path,
      status: response.status,
      ...(parsed?.success ? { code: parsed.output.error.code } : {}),
    });
  }

  const body = parseJson(text);
  if (!body.ok) {
    console.error(`[lectern] ${path}: the answer is not JSON`, text.slice(0, 500));
    throw new ApiError('not-json', 'The server sent something that is not JSON.', { path, cause: body.error });
  }
  const result = v.safeParse(schema, body.value);
  // The answer must be about what was asked for: topic 8 sent for /topics/7 would be shown,
  // cached and saved as topic 7.
  const [, kind, asked] = /^\/(topic|board|post)s\/(\d+)/.exec(path) ?? [];
  const issues = !result.success
    ? result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
    : kind && `${(result.output as Record<string, { id: number }>)[kind]?.id}` !== asked
      ? [`${kind}.id: not the ${kind} asked for`]
      : [];
  if (issues[0]) {
    console.error(`[lectern] ${path}: the answer breaks the API contract`, issues);
    throw new ApiError('contract', `The server's answer does not follow the API contract (${issues[0]}).`, {
      path,
      cause: result.issues ?? issues,
    });
  }
  return result.output as v.InferOutput<TSchema>;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error };
  }
}

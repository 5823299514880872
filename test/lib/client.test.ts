import { delay, http, HttpResponse, type JsonBodyType } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEED_BOARD_ID, SEED_POST_ID, SEED_TOPIC_ID } from '../../mocks/db/ids';
import { server } from '../../mocks/node';
import { ApiError } from '../../src/lib/api/api-error';
import { apiGet } from '../../src/lib/api/client';
import { startEarlyRequest } from '../../src/lib/api/early-request';
import { apiPath } from '../../src/lib/api/endpoints';
import { boardResponseSchema, forumResponseSchema, postResponseSchema, topicResponseSchema } from '../../src/lib/api/schemas';
import { shouldRetry } from '../../src/lib/query-client';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => vi.restoreAllMocks());

describe('the API client', () => {
  it('returns a valid answer, validated and with unknown fields dropped', async () => {
    server.use(http.get('*/api/forum', () => HttpResponse.json({ forum: { name: 'F', extra: 1 }, categories: [], more: true })));
    await expect(apiGet(apiPath('/forum'), forumResponseSchema)).resolves.toEqual({ forum: { name: 'F', description: undefined }, categories: [] });
  });

  it('tells an HTTP error by status and the contract error code', async () => {
    server.use(http.get('*/api/forum', () => HttpResponse.json({ error: { code: 'forbidden', message: 'Members only' } }, { status: 403 })));
    const error = await failure(apiGet(apiPath('/forum'), forumResponseSchema));
    expect({ kind: error.kind, status: error.status, code: error.code, message: error.message }).toEqual({
      kind: 'http',
      status: 403,
      code: 'forbidden',
      message: 'Members only',
    });
    expect(error.isForbidden).toBe(true);
    expect(error.isTransient).toBe(false);
  });

  it('copes with an error status whose body is not JSON', async () => {
    server.use(http.get('*/api/forum', () => new HttpResponse('<h1>502</h1>', { status: 502 })));
    const error = await failure(apiGet(apiPath('/forum'), forumResponseSchema));
    expect({ kind: error.kind, status: error.status, code: error.code }).toEqual({ kind: 'http', status: 502, code: undefined });
    expect(error.isTransient).toBe(true);
  });

  it('tells a 2xx body that is not JSON', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    server.use(http.get('*/api/forum', () => new HttpResponse('<html></html>', { status: 200 })));
    expect((await failure(apiGet(apiPath('/forum'), forumResponseSchema))).kind).toBe('not-json');
  });

  it('tells a body that breaks the contract, naming where, and logs the details', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    server.use(http.get('*/api/forum', () => HttpResponse.json({ forum: { name: 'F' }, categories: [{ id: 0, name: 'x', boards: [] }] })));
    const error = await failure(apiGet(apiPath('/forum'), forumResponseSchema));
    expect(error.kind).toBe('contract');
    expect(error.message).toContain('categories.0.id');
    expect(log).toHaveBeenCalled();
  });

  it.each([
    ['topic', `/topics/${SEED_TOPIC_ID}`, '/topics/7', topicResponseSchema],
    ['board', `/boards/${SEED_BOARD_ID}`, '/boards/7', boardResponseSchema],
    ['post', `/posts/${SEED_POST_ID}`, '/posts/7', postResponseSchema],
  ] as const)('tells an answer about another %s than the one asked for: it breaks the contract', async (kind, another, asked, schema) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = (await (await fetch(`http://localhost/api${another}`)).json()) as JsonBodyType;
    server.use(http.get(`*/api${asked}`, () => HttpResponse.json(answer)));
    const error = await failure(apiGet(apiPath(asked), schema));
    expect({ kind: error.kind, message: error.message }).toEqual({
      kind: 'contract',
      message: `The server's answer does not follow the API contract (${kind}.id: not the ${kind} asked for).`,
    });
    expect(log).toHaveBeenCalled();
  });

  it('reads an answer about the topic, board or post asked for', async () => {
    await expect(apiGet(apiPath(`/topics/${SEED_TOPIC_ID}`), topicResponseSchema)).resolves.toMatchObject({ topic: { id: SEED_TOPIC_ID } });
    await expect(apiGet(apiPath(`/boards/${SEED_BOARD_ID}`), boardResponseSchema)).resolves.toMatchObject({ board: { id: SEED_BOARD_ID } });
    await expect(apiGet(apiPath(`/posts/${SEED_POST_ID}`), postResponseSchema)).resolves.toMatchObject({ post: { id: SEED_POST_ID } });
  });

  it('tells a network failure', async () => {
    server.use(http.get('*/api/forum', () => HttpResponse.error()));
    const error = await failure(apiGet(apiPath('/forum'), forumResponseSchema));
    expect(error.kind).toBe('network');
    expect(error.isTransient).toBe(true);
  });

  it('gives up on a slow answer after its timeout', async () => {
    server.use(http.get('*/api/forum', async () => {
      // Never answers: the timeout (or the caller) ends it, whatever the machine's speed.
      await delay('infinite');
      return HttpResponse.json({ forum: { name: 'F' }, categories: [] });
    }));
    const error = await failure(apiGet(apiPath('/forum'), forumResponseSchema, { timeoutMs: 50 }));
    expect(error.kind).toBe('timeout');
  });

  it('tells an early request whose answer was cut off by its own timeout as a timeout, not a lost connection', async () => {
    // What a browser's fetch does when its signal times out while the body is read:
    // the body's stream fails with the TimeoutError.
    const stalled = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.error(new DOMException('The operation timed out.', 'TimeoutError')),
    });
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response(stalled, { headers: { 'Content-Type': 'application/json' } }));
    startEarlyRequest({ pathname: '/', search: '' });
    const error = await failure(apiGet(apiPath('/forum'), forumResponseSchema));
    expect({ kind: error.kind, message: error.message }).toEqual({ kind: 'timeout', message: 'The server did not answer within 15 s.' });
  });

  it('lets a cancellation by the caller through as an abort, not an error to show', async () => {
    server.use(http.get('*/api/forum', async () => {
      // Never answers: the timeout (or the caller) ends it, whatever the machine's speed.
      await delay('infinite');
      return HttpResponse.json({ forum: { name: 'F' }, categories: [] });
    }));
    const controller = new AbortController();
    const request = apiGet(apiPath('/forum'), forumResponseSchema, { signal: controller.signal });
    controller.abort();
    // The caller's own abort, untouched: React Query knows it for a cancellation.
    await expect(request).rejects.toBe(controller.signal.reason);
    expect(controller.signal.reason).toMatchObject({ name: 'AbortError' });
  });
});

describe('automatic retries', () => {
  const error = (kind: ApiError['kind'], status?: number) => new ApiError(kind, 'x', { path: '/', ...(status ? { status } : {}) });

  it('retry network failures and 5xx a bounded number of times', () => {
    expect(shouldRetry(0, error('network'))).toBe(true);
    expect(shouldRetry(1, error('http', 503))).toBe(true);
    expect(shouldRetry(2, error('network'))).toBe(false);
  });

  it('never retry a timeout: the reader has waited for it already, and sees the timeout page at once', () => {
    expect(shouldRetry(0, error('timeout'))).toBe(false);
  });

  it('never retry a 4xx or an answer that breaks the contract', () => {
    expect(shouldRetry(0, error('http', 404))).toBe(false);
    expect(shouldRetry(0, error('http', 400))).toBe(false);
    expect(shouldRetry(0, error('contract'))).toBe(false);
    expect(shouldRetry(0, error('http', 501))).toBe(false);
    expect(shouldRetry(0, error('not-json'))).toBe(false);
  });
});

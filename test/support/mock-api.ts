// The tests' one way to the mock forum's API: start its MSW server (for the mock
// forum's own tests), fetch through it, check answers against the contract's schemas,
// and read what the forum holds, so tests state expectations in the forum's words
// without copying its data into the test.
import * as v from 'valibot';
import { afterAll, beforeAll } from 'vitest';
import { server } from '../../mocks/node';
import type { BoardResponse, ForumResponse, TopicResponse } from '../../src/lib/api/schemas';

export const API = 'http://localhost/api';

/**
 * Listens for this file's tests. The unit project's setup file (test/setup.ts)
 * may already have started the same server, and msw refuses a second listen(),
 * so only the test file that started it closes it.
 */
export function listenWithMockServer(): void {
  let startedHere = false;
  beforeAll(() => {
    try {
      server.listen({ onUnhandledRequest: 'error' });
      startedHere = true;
    } catch {
      // Already listening: the shared setup owns the server's lifetime.
    }
  });
  afterAll(() => {
    if (startedHere) server.close();
  });
}

export async function get(path: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${API}${path}`);
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, headers: response.headers, body };
}

/** The parsed value, or a failure that lists every issue with its path. */
export function parse<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, what: string): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new Error(`${what} breaks the contract:\n${v.summarize(result.issues)}`);
  return result.output;
}

/** GET that must answer 200 with a body passing the schema. */
export async function getValid<TSchema extends v.GenericSchema>(schema: TSchema, path: string): Promise<v.InferOutput<TSchema>> {
  const { status, body } = await get(path);
  if (status !== 200) throw new Error(`GET ${path} answered ${String(status)}: ${JSON.stringify(body)}`);
  return parse(schema, body, `GET ${path}`);
}

/** A JSON answer as the API sent it (unparsed: what the reader receives). */
async function answer<T>(path: string): Promise<T> {
  const { status, body } = await get(path);
  if (status !== 200) throw new Error(`mock API ${path} answered ${String(status)}`);
  return body as T;
}

/** What the mock forum holds, read through its own API. */
export const mockApi = {
  forum: () => answer<ForumResponse>('/forum'),
  board: (id: number, page = 1) => answer<BoardResponse>(`/boards/${id}?page=${page}`),
  topic: (id: number, page = 1) => answer<TopicResponse>(`/topics/${id}?page=${page}`),
};

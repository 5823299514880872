import type { BoardResponse, ForumResponse, TopicResponse } from '../src/lib/api/schemas';

// What the mock forum holds, read through its own API: tests state expectations
// in the forum's words without copying its data into the test.
async function get<T>(path: string): Promise<T> {
  const response = await fetch(`http://localhost/api${path}`);
  if (!response.ok) throw new Error(`mock API ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export const mockApi = {
  forum: () => get<ForumResponse>('/forum'),
  board: (id: number, page = 1) => get<BoardResponse>(`/boards/${id}?page=${page}`),
  topic: (id: number, page = 1) => get<TopicResponse>(`/topics/${id}?page=${page}`),
};

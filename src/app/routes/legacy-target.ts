import { boardHref, parsePositiveInt, postHref, topicHref } from '../../lib/routes';
import { RouteNotFound } from '../navigation/route-loader';

// SMF's defaults, which turn its start offsets (topic=123.30) into our page numbers.
const SMF_POSTS_PER_PAGE = 15;
const SMF_TOPICS_PER_PAGE = 20;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A malformed %-escape (?topic=%E0%A4%A) names no page: "not found", where "Try
    // again" would only throw the same URIError again.
    throw new RouteNotFound();
  }
}

/**
 * SMF separates parameters with `&` or `;` (index.php?action=printpage;topic=123.0),
 * which URLSearchParams does not understand, so read them by hand.
 */
function smfParams(search: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of search.replace(/^\?/, '').split(/[&;]/)) {
    if (!part) continue;
    const [key = '', value = ''] = part.split('=', 2);
    params.set(decode(key).toLowerCase(), decode(value));
  }
  return params;
}

function pageFromOffset(offset: string | undefined, perPage: number): number {
  const start = offset === '0' ? 0 : parsePositiveInt(offset);
  return start === null ? 1 : Math.floor(start / perPage) + 1;
}

/**
 * Where an old SMF link (`/index.php?…`) points in the reader; the board index when unknown.
 * Throws `RouteNotFound` for a link whose %-escapes cannot be decoded.
 */
export function legacyTarget(search: string): string {
  const params = smfParams(search);
  const topic = params.get('topic');
  if (topic !== undefined) {
    const [rawId, position] = topic.split('.', 2);
    const topicId = parsePositiveInt(rawId);
    if (topicId !== null) {
      if (params.get('action') === 'printpage') return `/topic/${topicId}/print`;
      const msg = position?.match(/^msg(\d+)$/)?.[1];
      const postId = parsePositiveInt(msg);
      if (postId !== null) return postHref(topicId, postId);
      if (position === 'new') return `${topicHref(topicId)}#new`;
      return topicHref(topicId, pageFromOffset(position, SMF_POSTS_PER_PAGE));
    }
  }
  const board = params.get('board');
  if (board !== undefined) {
    const [rawId, offset] = board.split('.', 2);
    const boardId = parsePositiveInt(rawId);
    if (boardId !== null) return boardHref(boardId, pageFromOffset(offset, SMF_TOPICS_PER_PAGE));
  }
  const postId = parsePositiveInt(params.get('msg'));
  if (postId !== null) return `/post/${postId}`;
  return '/';
}

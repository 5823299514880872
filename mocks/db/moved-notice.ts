// A moved-topic notice, as SMF leaves one behind: when a moderator moves a topic and
// ticks "Post a redirection topic", SMF creates a locked topic in the old board titled
// "MOVED: <subject>", whose one post is the moderator's reason with the new board and
// the topic linked in (`movetopic_default`: "This topic has been moved to [BOARD]. …"),
// and points its `id_redirect_topic` at the moved topic.
import { by, handMadeTopic } from './hand-made';
import { LOUNGE_BOARD_ID, MOVED_NOTICE_TOPIC_ID } from './ids';
import { MODERATOR_MEMBER_ID } from './members';
import { HOUR, MINUTE } from './time';
import type { DbBoard, DbTopic } from './types';

/** The notice in the Community Lounge for `moved`, a topic that now lives in `newBoard`. */
export function buildMovedNotice(moved: DbTopic, newBoard: Pick<DbBoard, 'id' | 'name'>): DbTopic {
  // Moved the afternoon it was posted in the wrong board.
  const movedAt = moved.postAt(1).postedAt + 2 * HOUR + 17 * MINUTE;
  // SMF writes its own links as full URLs on the forum; a path works on any host the
  // demo runs on, and the reader turns these old-style links into its own.
  const body = [
    `Moved to [url=/index.php?board=${String(newBoard.id)}.0]${newBoard.name}[/url], where questions like this one get the most eyes. Please carry on there.`,
    `[iurl]/index.php?topic=${String(moved.id)}.0[/iurl]`,
  ].join('\n\n');
  return handMadeTopic(
    {
      id: MOVED_NOTICE_TOPIC_ID,
      boardId: LOUNGE_BOARD_ID,
      title: `MOVED: ${moved.title}`,
      // SMF locks every notice: it is a signpost, not a discussion.
      locked: true,
      viewCount: 58,
      movedToTopicId: moved.id,
    },
    [{ author: by(MODERATOR_MEMBER_ID, 'Marta Kowalski'), postedAt: movedAt, body }],
  );
}

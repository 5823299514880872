import { useSuspenseQuery } from '@tanstack/react-query';
import { BoardList } from '../../../ui/board-list';
import { RefreshNotice } from '../../../ui/refresh-notice';
import { clampText, UntrustedText } from '../../../ui/untrusted-text';
import { forumQueries } from '../../../lib/api/queries';

/** The board index: every category with its boards, as SMF's front page. */
export function ForumIndexPage() {
  const query = useSuspenseQuery(forumQueries.index());
  const { data } = query;
  const { forum, categories } = data;
  return (
    <>
      <title>{clampText(forum.name)}</title>
      <header className="page-header">
        <h1>
          <UntrustedText>{forum.name}</UntrustedText>
        </h1>
        {forum.description ? <p className="page-description">{forum.description}</p> : null}
      </header>
      <RefreshNotice query={query} />
      {categories.length === 0 ? <p className="empty">This forum has no boards yet.</p> : null}
      {categories.map((category) => (
        // The id is the contract's anchor: /#c{id} scrolls to the category.
        <section key={category.id} id={`c${category.id}`} className="category" aria-labelledby={`c${category.id}-name`}>
          <h2 id={`c${category.id}-name`} className="category-name">
            <UntrustedText>{category.name}</UntrustedText>
          </h2>
          {category.boards.length > 0 ? (
            <BoardList boards={category.boards} headingLevel={3} />
          ) : (
            <p className="empty">No boards in this category.</p>
          )}
        </section>
      ))}
    </>
  );
}

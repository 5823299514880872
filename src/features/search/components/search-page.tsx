import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { formatCount, pluralize } from '../../../lib/format/format';
import { Pagination } from '../../../ui/pagination';
import { RefreshNotice } from '../../../ui/refresh-notice';
import { searchQueries } from '../../../lib/api/search-queries';
import { searchHref } from '../../../lib/reader-routes';
import { clampText, UntrustedText } from '../../../ui/untrusted-text';
import { queryWords, wordPattern } from '../text/snippet';
import { topicResults } from '../api/topic-results';
import { TopicResult } from './search-result';
import './search-page.css';

export type SearchPageState = 'prompt' | 'results' | 'unavailable';

type SearchPageProps = { q: string; page: number; state: SearchPageState };

/** `/search?q=`: results, or what to do when there is nothing to search for or with. */
export function SearchPage({ q, page, state }: SearchPageProps) {
  switch (state) {
    case 'prompt':
      return <SearchPrompt />;
    case 'unavailable':
      return <SearchUnavailable />;
    case 'results':
      return <SearchResults q={q} page={page} />;
  }
}

function SearchPrompt() {
  return (
    <>
      <title>Search</title>
      <header className="page-header">
        <h1>Search</h1>
      </header>
      <p className="empty">Type one or more words into the search at the top of the page to find the posts that contain them all.</p>
    </>
  );
}

function SearchUnavailable() {
  return (
    <>
      <title>Search not available</title>
      <header className="page-header">
        <h1>Search is not available</h1>
      </header>
      <p className="empty">
        This forum’s server does not offer search. You can still browse every board from the <Link to="/">board index</Link>.
      </p>
    </>
  );
}

function SearchResults({ q, page }: { q: string; page: number }) {
  const query = useSuspenseQuery(searchQueries.results(q, page));
  const { topics, totalPosts, page: found, byServer } = useMemo(() => topicResults(query.data), [query.data]);
  const pattern = useMemo(() => wordPattern(queryWords(q)), [q]);
  const { number, totalPages, totalItems } = found;
  const hrefFor = (target: number) => searchHref(q, target);
  const pageSuffix = number > 1 ? ` (page ${number})` : '';
  const pageOf = totalPages > 1 ? ` · page ${formatCount(number)} of ${formatCount(totalPages)}` : '';

  return (
    <>
      <title>{clampText(`Search: ${q}${pageSuffix}`)}</title>
      <header className="page-header">
        <h1>
          {/* The words come from the address, which anyone can write and link to. */}
          Search results for{' '}
          <q className="search-query">
            <UntrustedText>{q}</UntrustedText>
          </q>
        </h1>
        <p className="page-meta">
          {totalPosts === 0
            ? 'No posts found'
            : byServer
              ? `${pluralize(totalPosts, 'post', 'posts')} found in ${pluralize(totalItems, 'topic', 'topics')}${pageOf}`
              : `${pluralize(totalPosts, 'post', 'posts')} found${pageOf}`}
        </p>
        {byServer || totalPosts === 0 ? null : (
          <p className="page-meta search-grouping-note">This forum’s server lists matching posts one by one; each page’s posts are grouped here by topic.</p>
        )}
      </header>
      <RefreshNotice query={query} />
      {totalPosts === 0 ? (
        <p className="empty">No post contains all of these words. Check the spelling, or try fewer or more general words.</p>
      ) : topics.length === 0 ? (
        // Results can vanish between the count and the page (posts deleted or hidden meanwhile).
        <p className="empty">
          There are no results on this page. <Link to={hrefFor(1)}>Go to the first page of results</Link>.
        </p>
      ) : (
        <>
          <Pagination current={number} total={totalPages} hrefFor={hrefFor} label="Result pages, top" />
          <ol className="card-list search-results" aria-label={`Results, page ${formatCount(number)} of ${formatCount(totalPages)}`}>
            {topics.map((entry) => (
              <TopicResult key={entry.topic.id} entry={entry} pattern={pattern} byServer={byServer} />
            ))}
          </ol>
          <Pagination current={number} total={totalPages} hrefFor={hrefFor} label="Result pages, bottom" />
        </>
      )}
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMatch, useNavigate, useSearchParams } from 'react-router-dom';
import { searchHref } from '../../../lib/reader-routes';
import type { ReaderMarks } from '../../../ui/reader-landmarks';
import { searchAvailabilityQuery } from '../api/search-availability';
import './search-box.css';

/**
 * The header's search form, on every view. On a wide screen it is always open; on a
 * phone it folds into a button that opens it over the header bar. Hidden altogether
 * once the server has said it has no search.
 */
export function SearchBox() {
  const { data: available } = useQuery(searchAvailabilityQuery());
  const onSearchPage = useMatch('/search') !== null;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const currentQuery = onSearchPage ? (params.get('q') ?? '') : '';

  // The box shows the query of the results on screen, and follows it when the address
  // changes (back/forward, a result page link) without losing what is being typed.
  const [value, setValue] = useState(currentQuery);
  const [shownQuery, setShownQuery] = useState(currentQuery);
  if (shownQuery !== currentQuery) {
    setShownQuery(currentQuery);
    setValue(currentQuery);
  }

  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const inputId = useId();

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  if (!available) return null;

  const close = () => {
    setOpen(false);
    // The toggle is hidden while open; let it show again before focusing it.
    requestAnimationFrame(() => toggleRef.current?.focus());
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (value.trim() === '') {
      // Nothing to search for: stay here, ready for words.
      event.preventDefault();
      inputRef.current?.focus();
      return;
    }
    // What the form would send without script (action="/search", method get), as a client navigation.
    event.preventDefault();
    setOpen(false);
    void navigate(searchHref(value));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape' && open) {
      // Escape in a search field would also clear it; closing is enough.
      event.preventDefault();
      close();
    }
  };

  return (
    <div className={open ? 'search-box is-open' : 'search-box'}>
      <button
        ref={toggleRef}
        type="button"
        className="search-toggle"
        aria-label="Search"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(true)}
      >
        <SearchIcon />
      </button>
      <form id={formId} role="search" method="get" action="/search" className="search-form" onSubmit={onSubmit} onKeyDown={onKeyDown}>
        <label htmlFor={inputId} className="visually-hidden">
          Search the forum
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="search"
          name="q"
          className="search-input"
          placeholder="Search posts…"
          autoComplete="off"
          enterKeyHint="search"
          {...({ 'data-reader-search': '' } satisfies ReaderMarks)}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="search-submit" aria-label="Search">
          <SearchIcon />
        </button>
        <button type="button" className="search-close" aria-label="Close search" onClick={close}>
          <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24">
            <path fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      </form>
    </div>
  );
}

function SearchIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24">
      <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
      <path d="m15.5 15.5 5 5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { RelativeTime } from '@/components/relative-time';
import { Spinner } from '@/components/spinner';
import { MAX_QUERY_LENGTH, messageSearchQuery, type SearchResult } from '../api/search-messages';
import { SnippetText } from './snippet-text';

interface MessageSearchProps {
  /** A result was chosen: open its room at that message. */
  onOpen: (result: SearchResult) => void;
}

/** Search the messages of my rooms: Enter searches, Escape clears, results page with "Load more". */
export function MessageSearch({ onOpen }: MessageSearchProps) {
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState('');
  const inputId = useId();
  const search = useInfiniteQuery(messageSearchQuery(submitted));
  const results = search.data?.pages.flatMap((page) => page.results) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(text.trim());
  };
  const clear = () => {
    setText('');
    setSubmitted('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      clear();
    }
  };

  return (
    <div className="flex flex-col gap-1">
      <form role="search" aria-label="Messages" onSubmit={submit} className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium">
          Search messages
        </label>
        <input
          id={inputId}
          type="search"
          value={text}
          maxLength={MAX_QUERY_LENGTH}
          placeholder='Words, "a phrase", -not'
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          className="rounded-md border border-slate-400 px-3 py-2 text-sm"
        />
      </form>
      {submitted && (
        <section aria-label="Search results" className="flex max-h-80 flex-col gap-1 overflow-y-auto">
          {search.isPending ? (
            <Spinner label="Searching messages" />
          ) : search.isError ? (
            <p role="alert" className="text-xs text-red-700">
              {search.error.message}
            </p>
          ) : results.length === 0 ? (
            <p role="status" className="px-2 py-1.5 text-sm text-slate-600">
              No messages found
            </p>
          ) : (
            <>
              <p role="status" className="sr-only">
                {results.length}
                {search.hasNextPage ? '+' : ''} results
              </p>
              <ul className="flex flex-col gap-1">
                {results.map((result) => (
                  <li key={result.message.id}>
                    <button
                      type="button"
                      data-testid="search-result"
                      onClick={() => onOpen(result)}
                      className="flex w-full flex-col gap-0.5 rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100"
                    >
                      <span className="flex items-baseline gap-2 text-xs text-slate-600">
                        <span className="font-semibold text-slate-800">
                          {result.room.is_direct ? result.room.name : `# ${result.room.name}`}
                        </span>
                        <span>{result.message.sender.display_name}</span>
                        <RelativeTime iso={result.message.created_at} />
                      </span>
                      <SnippetText segments={result.snippet} />
                    </button>
                  </li>
                ))}
              </ul>
              {search.hasNextPage && (
                <button
                  type="button"
                  onClick={() => void search.fetchNextPage()}
                  disabled={search.isFetchingNextPage}
                  className="self-start px-2 text-xs underline"
                >
                  {search.isFetchingNextPage ? 'Loading…' : 'Load more results'}
                </button>
              )}
            </>
          )}
          <button type="button" onClick={clear} className="self-start px-2 text-xs underline">
            Clear search
          </button>
        </section>
      )}
    </div>
  );
}

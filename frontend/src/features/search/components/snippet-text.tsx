import type { SnippetSegment } from '../api/search-messages';

/** A snippet as text nodes, matches in <mark>: never parsed as HTML, whatever the message says. */
export function SnippetText({ segments }: { segments: SnippetSegment[] }) {
  return (
    <span data-testid="search-snippet">
      {segments.map((segment, i) =>
        segment.match ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </span>
  );
}

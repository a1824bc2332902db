import type { MentionCandidate } from '../model/mention-query';

interface MentionSuggestionsProps {
  id: string;
  candidates: MentionCandidate[];
  active: number;
  onPick: (candidate: MentionCandidate) => void;
}

export const suggestionId = (listId: string, index: number) => `${listId}-option-${index}`;

/**
 * The listbox of the composer's @-combobox. Focus stays in the text box (aria-activedescendant);
 * the mouse picks on mousedown so the box keeps focus.
 */
export function MentionSuggestions({ id, candidates, active, onPick }: MentionSuggestionsProps) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Mention someone"
      className="absolute bottom-full left-0 z-10 mb-1 max-h-60 w-72 overflow-y-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
    >
      {candidates.map((candidate, i) => (
        <li
          key={candidate.id}
          id={suggestionId(id, i)}
          role="option"
          aria-selected={i === active}
          data-testid="mention-option"
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(candidate);
          }}
          className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? 'bg-indigo-100' : ''}`}
        >
          <span className="font-semibold">@{candidate.username}</span>{' '}
          <span className="text-slate-600">{candidate.display_name}</span>
        </li>
      ))}
    </ul>
  );
}

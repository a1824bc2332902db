import type { Reaction } from '../api/message-schemas';

/** "👍 2 reactions, including you": what a screen reader hears for a chip. */
export function reactionLabel({ emoji, count, me }: Reaction) {
  const many = `${count} ${count === 1 ? 'reaction' : 'reactions'}`;
  return `${emoji} ${many}${me ? ', including you' : ''}`;
}

interface ReactionChipsProps {
  reactions: Reaction[];
  onToggle: (emoji: string, on: boolean) => void;
}

/** A chip per emoji, pressed when it is ours; a click adds or takes back our reaction. */
export function ReactionChips({ reactions, onToggle }: ReactionChipsProps) {
  if (reactions.length === 0) return null;
  return (
    <ul aria-label="Reactions" className="mt-1 flex flex-wrap gap-1" data-testid="reactions">
      {reactions.map((reaction) => (
        <li key={reaction.emoji}>
          <button
            type="button"
            aria-pressed={reaction.me}
            aria-label={reactionLabel(reaction)}
            onClick={() => onToggle(reaction.emoji, !reaction.me)}
            data-testid="reaction-chip"
            className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${
              reaction.me
                ? 'border-brand-600 bg-indigo-50 text-brand-700'
                : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100'
            }`}
          >
            <span aria-hidden="true">{reaction.emoji}</span>
            <span aria-hidden="true">{reaction.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

import { useTypingStore } from '../model/typing-store';
import { typingText } from '../model/typing-text';

const none: Record<string, string> = {};

export function TypingIndicator({ roomId }: { roomId: string }) {
  const typists = useTypingStore((s) => s.typists[roomId] ?? none);
  const text = typingText(Object.values(typists));
  return (
    <p aria-live="polite" className="h-5 px-4 text-xs text-slate-600 italic" data-testid="typing-indicator">
      {text}
    </p>
  );
}

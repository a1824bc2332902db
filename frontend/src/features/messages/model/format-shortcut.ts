export interface TextSelection {
  text: string;
  start: number;
  end: number;
}

/**
 * Ctrl/Cmd+B and +I in the composer: wraps the selection in the Markdown marker, or unwraps it
 * when it is already wrapped, keeping the same words selected. With nothing selected the caret
 * lands between a new pair of markers.
 */
export function toggleMarker({ text, start, end }: TextSelection, marker: string): TextSelection {
  const n = marker.length;
  if (text.slice(start - n, start) === marker && text.slice(end, end + n) === marker)
    return {
      text: text.slice(0, start - n) + text.slice(start, end) + text.slice(end + n),
      start: start - n,
      end: end - n,
    };
  return {
    text: text.slice(0, start) + marker + text.slice(start, end) + marker + text.slice(end),
    start: start + n,
    end: end + n,
  };
}

export const SHORTCUT_MARKERS: Record<string, string> = { b: '**', i: '_' };

import { describe, expect, it } from 'vitest';
import { toggleMarker } from './format-shortcut';

describe('toggleMarker', () => {
  it('wraps the selection and keeps it selected', () => {
    expect(toggleMarker({ text: 'make this bold', start: 5, end: 9 }, '**')).toEqual({
      text: 'make **this** bold',
      start: 7,
      end: 11,
    });
  });

  it('unwraps a selection that is already wrapped', () => {
    expect(toggleMarker({ text: 'make **this** bold', start: 7, end: 11 }, '**')).toEqual({
      text: 'make this bold',
      start: 5,
      end: 9,
    });
  });

  it('puts the caret between a new pair when nothing is selected', () => {
    expect(toggleMarker({ text: 'ab', start: 1, end: 1 }, '_')).toEqual({ text: 'a__b', start: 2, end: 2 });
  });
});

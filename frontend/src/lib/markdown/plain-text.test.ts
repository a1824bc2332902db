import { describe, expect, it } from 'vitest';
import { toPlainText } from './plain-text';

describe('toPlainText', () => {
  it('drops the formatting marks and keeps one line', () => {
    expect(
      toPlainText('**bold** _it_ ~~old~~ `code`\nnext line\n\n> quoted\n\n- a\n- b\n\n```\nblock\n```'),
    ).toBe('bold it old code next line quoted a b block');
  });

  it('shows a link as its text and an unsafe one as it was written', () => {
    expect(toPlainText('[docs](https://example.test) and [x](javascript:alert(1))')).toBe(
      'docs and [x](javascript:alert(1))',
    );
  });

  it('keeps markup as text', () => {
    expect(toPlainText('<img src=x onerror=alert(1)> # title')).toBe('<img src=x onerror=alert(1)> # title');
  });

  it('reads a preview cut mid-format without failing', () => {
    expect(toPlainText('**unfinished `code')).toBe('**unfinished `code');
  });

  it('returns a too deeply nested message as its source on one line', () => {
    expect(toPlainText('> '.repeat(30) + 'x\ny')).toBe('> '.repeat(30) + 'x y');
  });
});

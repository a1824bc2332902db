import { describe, expect, it } from 'vitest';
import { safeHref } from './link-policy';

describe('safeHref', () => {
  it.each([
    'https://example.test/a?b=1#c',
    'http://example.test',
    'mailto:ops@example.test',
    'HTTPS://EXAMPLE.TEST/',
  ])('allows %s', (url) => expect(safeHref(url)).toBe(new URL(url).href));

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example/x',
    'https:evil.example',
    'http://',
    '',
  ])('refuses %j', (url) => expect(safeHref(url)).toBeNull());
});

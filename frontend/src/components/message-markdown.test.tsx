import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import corpus from '@/testing/message-corpus.json';
import { MAX_NESTING } from '@/lib/markdown/remark-chat-subset';
import { MessageMarkdown } from './message-markdown';

const renderBody = (source: string) => render(<MessageMarkdown source={source} />).container;
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** What a hostile body must never contain: elements that run, load or restyle anything. */
function expectInert(body: HTMLElement) {
  expect(
    body.querySelector('script, svg, math, iframe, img, style, object, embed, form, input, details'),
  ).toBeNull();
  for (const el of body.querySelectorAll('*'))
    for (const attr of el.getAttributeNames()) expect(attr, `<${el.localName} ${attr}>`).not.toMatch(/^on/i);
  for (const a of body.querySelectorAll('a[href]'))
    expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:)/);
}

describe('MessageMarkdown', () => {
  it.each(corpus.hostile.map((entry) => [entry.content, entry.visible ?? entry.content]))(
    'renders %j inert, its text visible',
    (content, visible) => {
      const body = renderBody(content);
      expectInert(body);
      expect(squash(body.textContent)).toContain(squash(visible));
    },
  );

  it('makes no link of a URL outside http(s) and mailto, showing it as written', () => {
    const body = renderBody(
      '[a](javascript:alert(1)) [b](data:text/html,x) [c](/relative) <javascript:alert(1)>',
    );
    expect(body.querySelector('a')).toBeNull();
    expect(body.textContent).toBe(
      '[a](javascript:alert(1)) [b](data:text/html,x) [c](/relative) <javascript:alert(1)>',
    );
  });

  it('renders the formatting subset, with safe links', () => {
    const body = renderBody(corpus.legit);
    expect(body.querySelector('strong')).toHaveTextContent('bold');
    expect(body.querySelector('em')).toHaveTextContent('italic');
    expect(body.querySelector('del')).toHaveTextContent('gone');
    expect(body.querySelector('p > code')).toHaveTextContent('inline code');
    expect(body.querySelector('pre > code')).toHaveTextContent('const x = 1;');
    expect(body.querySelector('blockquote')).toHaveTextContent('a quote');
    expect(body.querySelectorAll('ul > li')).toHaveLength(2);
    expect(body.querySelectorAll('ol > li')).toHaveLength(2);
    expect(body.querySelector('br')).not.toBeNull();
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.test/docs',
      'https://example.test/bare',
      'mailto:ops@example.test',
    ]);
    for (const link of links) {
      expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
      expect(link).toHaveAttribute('target', '_blank');
    }
  });

  it('keeps headings, rules, single tildes and tables as the text that was typed', () => {
    const body = renderBody('# not a heading\n\n---\n\n~one~ tilde\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(body.querySelector('h1, hr, del, table')).toBeNull();
    expect(body.textContent).toContain('# not a heading');
    expect(body.textContent).toContain('~one~ tilde');
    expect(body.textContent).toContain('| a | b |');
  });

  it('keeps a single newline as a line break', () => {
    const body = renderBody('first\nsecond');
    expect(body.querySelectorAll('p')).toHaveLength(1);
    expect(body.querySelector('p')?.innerHTML).toBe('first<br>\nsecond');
  });

  it('shows a line nesting quotes or lists past the limit as plain text, unparsed', () => {
    const deep = '> '.repeat(MAX_NESTING + 1) + '**deep**';
    expect(renderBody('> '.repeat(MAX_NESTING) + 'x').querySelectorAll('blockquote')).toHaveLength(
      MAX_NESTING,
    );
    for (const source of [deep, '- '.repeat(40) + 'x', '1. '.repeat(40) + 'x', '>'.repeat(4000)]) {
      const body = renderBody(source);
      expect(body.querySelector('blockquote, ul, ol, strong')).toBeNull();
      expect(body.textContent).toBe(source);
    }
  });

  it('shows nesting past the limit that no single line opens as its source text', () => {
    const source = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const body = renderBody(source);
    expect(body.querySelectorAll('ul').length).toBeLessThanOrEqual(MAX_NESTING);
    expect(body.textContent).toContain('- level 19');
  });

  // A hang guard, not a speed test: jsdom took up to 3.2 s for the worst of these on the shared
  // 2-core machine at a load of 26. What made a line's parse quadratic is caught by the nesting test.
  it.each(corpus.pathological.map(({ unit, times }) => [JSON.stringify(unit), unit.repeat(times)]))(
    'renders %s repeated up to 4000 characters within ten seconds',
    (_, source) => {
      const started = performance.now();
      const body = renderBody(source);
      expect(performance.now() - started).toBeLessThan(10_000);
      expectInert(body);
    },
    30_000,
  );
});

describe('MessageMarkdown mentions', () => {
  it('shows @name and @room as chips, the reader’s own and @room marked, none in code or links', () => {
    const body = render(
      <MessageMarkdown
        source={'**hi @bob** and @carol, @room: see `@dave` and [@erin](https://example.com)'}
        myUsernameKey="bob"
      />,
    ).container;
    const chips = [...body.querySelectorAll('[data-testid="mention"]')];
    expect(chips.map((chip) => [chip.textContent, chip.getAttribute('data-mine')])).toEqual([
      ['@bob', 'true'],
      ['@carol', 'false'],
      ['@room', 'true'],
    ]);
    expect(body.querySelector('strong [data-testid="mention"]')).not.toBeNull();
    expect(body.querySelector('code')?.textContent).toBe('@dave');
    expect(body.querySelector('a')?.textContent).toBe('@erin');
    expectInert(body);
  });
});

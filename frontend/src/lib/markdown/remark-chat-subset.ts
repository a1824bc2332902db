import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { safeHref } from './link-policy';

/**
 * Markdown constructs a chat message does not have: they stay the text the sender typed. Raw HTML
 * is never parsed (so `<script>` is shown, not dropped or run), nor headings, rules, images,
 * reference definitions, tables, footnotes or task lists.
 */
const DISABLED_CONSTRUCTS = [
  'htmlFlow',
  'htmlText',
  'headingAtx',
  'setextUnderline',
  'thematicBreak',
  'labelStartImage',
  'definition',
  'table',
  'tasklistCheck',
  'gfmFootnoteDefinition',
  'gfmFootnoteCall',
  'gfmPotentialFootnoteCall',
];

/** Deeper nesting is shown as text: a DOM thousands of elements deep stalls the page. */
export const MAX_NESTING = 12;

// A line that opens more than MAX_NESTING quotes or lists at once ("> > > …", "- - - …", "1. 1. …").
// Parsing such a line is quadratic in its depth (seconds for 4000 `>`), so it is not parsed at all.
// Each repetition starts with a marker character that `[ \t]*` cannot match: no backtracking.
const DEEP_CONTAINERS = new RegExp(
  `^[ \\t]*(?:(?:>|[-+*](?=[ \\t])|\\d{1,9}[.)](?=[ \\t]))[ \\t]*){${MAX_NESTING + 1},}`,
  'm',
);

/** Whether a message must be shown as plain text because Markdown would nest it too deeply. */
export function nestsTooDeeply(source: string): boolean {
  return DEEP_CONTAINERS.test(source);
}

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem']);

function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** The node as the text it was written as: a paragraph where blocks go, else a text node. */
function asWritten(node: Nodes, parent: Parent, source: string): RootContent {
  const text = { type: 'text' as const, value: sourceOf(node, source), position: node.position };
  return FLOW_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text] } : text;
}

function restrict(parent: Parent, depth: number, source: string) {
  parent.children = parent.children.map((child) => {
    if (child.type === 'link') {
      const href = safeHref(child.url);
      if (!href) return asWritten(child, parent, source);
      child.url = href;
    }
    if (!('children' in child)) return child;
    if (depth >= MAX_NESTING) return asWritten(child, parent, source);
    restrict(child, depth + 1, source);
    return child;
  }) as typeof parent.children;
}

/**
 * The remark plugin for message bodies: turns off what a chat message does not render and makes
 * every link that fails the URL policy the text it was written as, so nothing hostile is hidden.
 */
export function remarkChatSubset(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: DISABLED_CONSTRUCTS } });
  return (tree: Root, file: { value: unknown }) => restrict(tree, 0, String(file.value));
}

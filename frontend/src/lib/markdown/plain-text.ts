import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { messageRemarkPlugins } from './message-plugins';
import { nestsTooDeeply } from './remark-chat-subset';

const processor = unified().use(remarkParse).use(messageRemarkPlugins).freeze();

function collect(node: Nodes, out: string[]) {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') out.push(node.value);
  else if (node.type === 'break') out.push(' ');
  if ('children' in node) {
    for (const child of node.children) collect(child, out);
    // Blocks end with a space, so "a\n\n> b" previews as "a b", not "ab".
    if (node.type !== 'link' && node.type !== 'strong' && node.type !== 'emphasis' && node.type !== 'delete')
      out.push(' ');
  }
}

/**
 * A message's Markdown as one line of plain text (reply previews, screen-reader labels): the
 * formatting marks gone, links as their text, what the renderer shows as written kept as written.
 */
export function toPlainText(source: string): string {
  const out: string[] = [];
  if (nestsTooDeeply(source)) out.push(source);
  else collect(processor.runSync(processor.parse(source), source) as Root, out);
  return out.join('').replace(/\s+/g, ' ').trim();
}

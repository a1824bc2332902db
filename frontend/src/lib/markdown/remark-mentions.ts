import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import { mentionSegments } from '@/lib/mention-tokens';

/** A mention chip in the hast the renderer gets: a span, the reader's own mentions marked. */
function mentionNode(text: string, mine: boolean): PhrasingContent {
  return {
    type: 'text',
    value: text,
    data: {
      hName: 'span',
      hProperties: {
        'data-testid': 'mention',
        'data-mine': String(mine),
        className: mine
          ? ['rounded', 'px-0.5', 'font-semibold', 'bg-amber-200', 'text-amber-950']
          : ['rounded', 'px-0.5', 'font-semibold', 'bg-indigo-100', 'text-indigo-900'],
      },
      hChildren: [{ type: 'text', value: text }],
    },
  } as unknown as PhrasingContent;
}

function split(node: Text, myUsernameKey: string | undefined): PhrasingContent[] {
  return mentionSegments(node.value).map((segment) =>
    segment.kind === 'text'
      ? ({ type: 'text', value: segment.text } as Text)
      : mentionNode(segment.text, segment.kind === 'room-mention' || segment.username === myUsernameKey),
  );
}

function walk(parent: Parent, myUsernameKey: string | undefined) {
  const children: Nodes[] = parent.children;
  parent.children = children.flatMap((child): Nodes[] => {
    if (child.type === 'text') return child.value.includes('@') ? split(child, myUsernameKey) : [child];
    // Code shows what was typed; a link's text stays the link.
    if (child.type === 'inlineCode' || child.type === 'code' || child.type === 'link') return [child];
    if ('children' in child) walk(child, myUsernameKey);
    return [child];
  }) as Parent['children'];
}

/**
 * Mentions (`@name`, `@room`) in a message body's text as chips, by the same tokenizer as the plain
 * renderer (mention-tokens), never inside code or links. `myUsernameKey`: the reader's username,
 * lower-cased, whose mentions stand out.
 */
export function remarkMentions(options: { myUsernameKey?: string }) {
  return (tree: Root) => walk(tree, options.myUsernameKey);
}

import { memo, useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import type { PluggableList } from 'unified';
import { safeHref } from '@/lib/markdown/link-policy';
import { messageRemarkPlugins } from '@/lib/markdown/message-plugins';
import { nestsTooDeeply } from '@/lib/markdown/remark-chat-subset';
import { remarkMentions } from '@/lib/markdown/remark-mentions';

/** Everything a message body may contain; anything else is unwrapped to its text. */
const ALLOWED_ELEMENTS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'span', // mention chips (remarkMentions); raw HTML never reaches here (skipHtml)
];

const components: Components = {
  // Every href here passed the URL policy (safeHref) twice: in the remark plugin and urlTransform.
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-700 underline">
      {children}
    </a>
  ),
  p: ({ children }) => <p className="my-1 first:mt-0 last:mb-0">{children}</p>,
  pre: ({ children }) => (
    // Focusable so a keyboard can scroll a wide block (axe: scrollable-region-focusable).
    <pre
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="my-1 max-h-80 overflow-auto rounded border border-slate-200 bg-slate-100 p-2 font-mono text-xs leading-relaxed whitespace-pre text-slate-900 [&>code]:bg-transparent [&>code]:p-0"
    >
      {children}
    </pre>
  ),
  code: ({ children }) => (
    <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em] text-slate-900">{children}</code>
  ),
  blockquote: ({ children }) => (
    <blockquote className="my-1 border-l-4 border-slate-300 pl-2 text-slate-700">{children}</blockquote>
  ),
  ul: ({ children }) => <ul className="my-1 list-disc pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="my-1 list-decimal pl-5">{children}</ol>,
};

/**
 * A message body: its Markdown source rendered in the chat subset (bold, italic, ~~strike~~, code,
 * quotes, lists, http(s)/mailto links), never raw HTML. Memoized on the source: a long history
 * parses each message once. Mentions show as chips, the reader's own (`myUsernameKey`) strongest.
 */
export const MessageMarkdown = memo(function MessageMarkdown({
  source,
  myUsernameKey,
}: {
  source: string;
  myUsernameKey?: string;
}) {
  const plugins = useMemo(
    (): PluggableList => [...messageRemarkPlugins, [remarkMentions, { myUsernameKey }]],
    [myUsernameKey],
  );
  if (nestsTooDeeply(source)) return <p className="whitespace-pre-wrap">{source}</p>;
  return (
    <Markdown
      remarkPlugins={plugins}
      allowedElements={ALLOWED_ELEMENTS}
      unwrapDisallowed
      skipHtml
      urlTransform={(url) => safeHref(url)}
      components={components}
    >
      {source}
    </Markdown>
  );
});

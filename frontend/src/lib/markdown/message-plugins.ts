import remarkBreaks from 'remark-breaks';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { remarkChatSubset } from './remark-chat-subset';

/**
 * The remark plugins of a message body, shared by the renderer and the plain-text preview so both
 * read a message the same way. GFM for `~~strike~~` (not single `~`) and bare-URL autolinks; single
 * newlines are line breaks, as chat users expect.
 */
export const messageRemarkPlugins: PluggableList = [
  [remarkGfm, { singleTilde: false }],
  remarkBreaks,
  remarkChatSubset,
];

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// The scheme as written, before any browser clean-up: "java\tscript:" or " javascript:" must not
// pass as something else. Bare "www." autolinks arrive here already as "http://www.…".
const WRITTEN_SCHEME = /^(?:https?:\/\/|mailto:)/i;

/**
 * The href a message link may carry, or null when it must stay text: only absolute http(s) and
 * mailto URLs. Relative URLs are refused too (they would point into the app itself).
 */
export function safeHref(url: string): string | null {
  if (!WRITTEN_SCHEME.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // The href is the parsed URL's own serialisation: what was checked is what the browser follows.
  return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
}

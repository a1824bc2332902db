/**
 * Reconnect delay: exponential from `baseMs` up to `maxMs`, with "equal jitter" (half fixed, half
 * random) so that a server restart does not get every tab back at the same instant.
 */
export function reconnectDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 500,
  maxMs = 30_000,
) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

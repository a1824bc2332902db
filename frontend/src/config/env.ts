import { z } from 'zod';

// Build-time settings, parsed once: a typo in an env var fails loudly at start, not deep in a call.
const envSchema = z.object({
  apiBase: z.string().startsWith('/').default('/api/v1'),
  wsPath: z.string().startsWith('/').default('/ws'),
});

export const env = envSchema.parse({
  apiBase: import.meta.env.VITE_API_BASE || undefined,
  wsPath: import.meta.env.VITE_WS_PATH || undefined,
});

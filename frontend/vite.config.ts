/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

// The reaction picker's emoji data (emojibase-data, English), served by us under /emojibase/en/
// rather than fetched from a CDN: the build copies it, the dev server serves it from node_modules.
function emojibaseData(): Plugin {
  const files = ['data.json', 'messages.json'];
  const read = (file: string) =>
    readFileSync(fileURLToPath(new URL(`./node_modules/emojibase-data/en/${file}`, import.meta.url)));
  return {
    name: 'nexus-emojibase-data',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const file = files.find((f) => request.url === `/emojibase/en/${f}`);
        if (!file) return next();
        response.setHeader('Content-Type', 'application/json');
        response.end(read(file));
      });
    },
    generateBundle() {
      for (const file of files)
        this.emitFile({ type: 'asset', fileName: `emojibase/en/${file}`, source: read(file) });
    },
  };
}

// `npm run dev` proxies the API and the socket to a running server (NEXUS_URL, default :9080).
const target = process.env.NEXUS_URL ?? 'http://localhost:9080';

export default defineConfig({
  plugins: [react(), tailwindcss(), emojibaseData()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    proxy: {
      '/api': { target, changeOrigin: false },
      '/ws': { target, ws: true, changeOrigin: false },
    },
  },
  build: {
    // No inline scripts or modulepreload polyfill: the CSP allows only same-origin scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    env: { TZ: 'UTC' },
  },
});

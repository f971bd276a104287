import { defineConfig } from 'vite';

/**
 * The web app. `vite build web` (from the repository root) writes web/dist, which `npm start` serves;
 * `npx vite web` serves it for development and passes /api to a running `npm start` (API_URL overrides
 * where that is).
 */
export default defineConfig({
  build: {
    target: 'es2022',
    emptyOutDir: true,
  },
  server: {
    // The local routes answer only their own Host (local/local-only.ts): the proxy sends the target's.
    proxy: { '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: true } },
  },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * Requests for the API go to the server. The client's own modules live in src/web/api/ and are served
 * as /api/*.ts in development, so those are excluded.
 */
const API_PROXY = {
  '^/api/(?![\\w./-]+\\.tsx?(\\?|$))': { target: 'http://localhost:3000', changeOrigin: false },
};

/**
 * The web client lives in src/web and builds into dist/web, which the API server serves with an SPA
 * fallback. In development `vite` proxies /api to the server on port 3000.
 */
export default defineConfig({
  root: here('./src/web'),
  publicDir: here('./src/web/public'),
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: { port: 5173, proxy: API_PROXY },
  preview: { proxy: API_PROXY },
});

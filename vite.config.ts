import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiUrl = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

// The SPA lives in src/web and is built into dist/web, which the API server serves.
// In development (`npm run dev:web`) Vite proxies /api to the API on PORT.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  // No source maps in the build: dist/web is served to anyone, and maps would publish the whole source.
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: apiUrl,
        // The API accepts a browser Origin only when it is APP_URL; the dev server speaks for it.
        configure: (proxy) =>
          proxy.on('proxyReq', (req) => {
            if (req.getHeader('origin')) req.setHeader('origin', process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`);
          }),
      },
    },
  },
});

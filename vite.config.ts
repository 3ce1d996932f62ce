import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA lives in src/web and is built into dist/web, which the API server serves.
// In development (`npm run dev:web`) Vite proxies /api to the API on PORT.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});

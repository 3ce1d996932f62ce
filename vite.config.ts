import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Libraries of one page (recharts and what only it uses for the dashboard, dnd-kit and the virtual list for the
// CRM, GrapesJS and its stylesheet for the funnel page builder): they stay in that page's chunk, out of every other
// page's download.
const PAGE_LIBRARIES =
  /node_modules[\\/](grapesjs|@dnd-kit|@tanstack[\\/](react-virtual|virtual-core)|recharts|d3-[a-z-]+|victory-vendor|@mantine[\\/]charts|decimal\.js-light|redux|@reduxjs|react-redux|reselect|immer|es-toolkit|eventemitter3|tiny-invariant)[\\/]/;

const SHELL_CSS = /src[\\/]web[\\/](app|ui)[\\/][^\\/]+\.css$/;

const apiUrl = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

// The SPA lives in src/web and is built into dist/web, which the API server serves.
// In development (`npm run dev:web`) Vite proxies /api to the API on PORT.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  // No source maps in the build: dist/web is served to anyone, and maps would publish the whole source.
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // The vendor chunk (React, Mantine, TanStack Query, i18next, router) is about 1 MB raw, 290 KB compressed, by design.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        // Each page is its own chunk (lazy routes in src/web/app/router.tsx). What pages share is grouped so a
        // cold /crm fetches a handful of files, not one per Mantine component: the libraries every page uses
        // (cached across deploys while they do not change), the app's shared code, and the charts that only
        // the dashboard needs.
        codeSplitting: {
          groups: [
            // The shell's global stylesheets join the libraries' CSS: one stylesheet for the first screen.
            { name: 'vendor', test: (id: string) => (id.includes('node_modules') && !PAGE_LIBRARIES.test(id)) || SHELL_CSS.test(id), priority: 20 },
            { name: 'app', test: /src[\\/](contracts|web[\\/](lib|app|i18n|ui[\\/](?!charts)[^\\/]+$|features[\\/]auth[\\/]session))/, priority: 10 },
          ],
        },
      },
    },
  },
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

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { type Plugin, createServer, defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const ROOT = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * dist/dashboard.html: index.html with the dashboard's first screen in #root (app/shell.tsx, rendered
 * by the app's own components), which the server sends for `/`; other pages get the empty index.html.
 */
function dashboardShell(): Plugin {
  let out = join(ROOT, 'dist');
  return {
    name: 'minefree-dashboard-shell',
    apply: 'build',
    configResolved(config) {
      out = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const server = await createServer({
        configFile: false,
        root: ROOT,
        logLevel: 'error',
        plugins: [react()],
        server: { middlewareMode: true, hmr: false, watch: null },
        appType: 'custom',
      });
      try {
        const shell = (await server.ssrLoadModule('/app/shell.tsx')) as { dashboardShell: () => string };
        const page = readFileSync(join(out, 'index.html'), 'utf8');
        if (!page.includes('<div id="root"></div>')) throw new Error('dist/index.html has no empty #root');
        const html = page.replace('<div id="root"></div>', `<div id="root">${shell.dashboardShell()}</div>`);
        writeFileSync(join(out, 'dashboard.html'), html);
        writeFileSync(join(out, 'dashboard.html.br'), brotliCompressSync(html));
        writeFileSync(join(out, 'dashboard.html.gz'), gzipSync(html, { level: 9 }));
      } finally {
        await server.close();
      }
    },
  };
}

/**
 * The browser app: `npm run build:web` builds it into src/web/dist, which the server serves at `/`.
 * `npx vite --config src/web/vite.config.ts` serves it for development, the API proxied to :8080.
 */
export default defineConfig({
  root: ROOT,
  base: '/',
  // Every text file also as .br and .gz: the server sends the smaller one the browser accepts, with no work per request.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }), dashboardShell()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // maplibre-gl alone is about 1 MB minified; only the map page loads it.
    chunkSizeWarningLimit: 1200,
    sourcemap: process.env.MINEFREE_WEB_SOURCEMAP === '1',
    // Every module the entry imports statically in one file: left to itself, rolldown split out each
    // module a lazy page shares with the entry (React's JSX runtime, the router, the catalogue, the
    // API client…), 9 scripts before the first render, each a round trip on a slow connection and a
    // browser has six connections to a server.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});

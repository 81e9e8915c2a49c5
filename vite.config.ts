// Vite serves and builds the browser pages (src/): the game (index.html) and the classroom (class.html); the engine is
// bundled into them as plain TypeScript. In development (`npm run dev`), /api and /ws go to the classroom server
// (`npm run server`, on SERVER_PORT, default 8080). The content's translations are checked as they are built.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { contentLabels, contentLocaleCheck } from './src/content/locale-plugin.ts';
import { contentSourcesStripped } from './src/content/sources-plugin.ts';

const api = `127.0.0.1:${process.env.SERVER_PORT ?? 8080}`;

export default defineConfig({
  // content/locales/*.json checked as the build reads it (the page loads the text without zod); the page's project
  // labels without the rest of content/projects.json; the worker's content files without their sources' text (a build
  // only: src/content/sources-plugin.ts)
  plugins: [contentLocaleCheck(), contentLabels(), contentSourcesStripped()],
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': `http://${api}`, '/ws': { target: `ws://${api}`, ws: true } },
  },
  build: { target: 'es2022', outDir: 'dist', chunkSizeWarningLimit: 1500, rollupOptions: { input: { main: 'index.html', class: 'class.html' } } },
  worker: { format: 'es', plugins: () => [contentSourcesStripped()] }, // the worker's bundle takes its own plugins
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/e2e/pages.ts'], // the browser tests' pages, built once a run (when a test asks for them)
    reporters: ['default', './tests/summary-reporter.ts'],
    // two test files at a time even on a 2-core machine (vitest's default, cores - 1, ran the suite one file at a time
    // there: about 11 minutes); the browser and classroom tests wait on Chromium and servers, so two overlap well
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // the slow files first, longest first (tests/sequencer.ts), not left to the end of a fresh clone's run; imported
    // only under vitest (a `vite build` does not load vitest's node API)
    sequence: process.env.VITEST ? { sequencer: (await import('./tests/sequencer.ts')).default } : {},
    // expect.poll waits up to 15 s by default, not vitest's 1 s: a poll on a page or a class server waits on chunks,
    // workers and sockets, which on a loaded 2-core machine (CI runs browser files two at a time) take seconds
    expect: { poll: { timeout: 15_000 } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

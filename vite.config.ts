// Vite serves and builds the browser game (src/); the engine is bundled into it as plain TypeScript.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  server: { port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: { target: 'es2022', outDir: 'dist', chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

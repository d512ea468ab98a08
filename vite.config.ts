import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// One config for the editor build (web/ → dist/web) and for vitest.
export default defineConfig({
  root: 'web',
  plugins: [vue()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    // Compiles the CC-CEDICT lexicon cache once, before the workers start (each then only loads it).
    globalSetup: ['test/global-setup.ts'],
    // The browser and API suites start real servers and Chromium; keep workers few on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

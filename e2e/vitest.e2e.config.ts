import { defineConfig } from 'vitest/config';

// Browser tests: one server per file on a free port with a fresh database; files run one at a time
// (2 cores, and Chromium is heavy).
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

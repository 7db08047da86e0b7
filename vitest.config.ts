import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['./tools/vitest-build-cli.mjs'],
    reporters: ['default', './tools/vitest-summary.ts'],
  },
});

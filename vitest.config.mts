import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'components/**/*.test.tsx'],
    environment: 'node',
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: `.ci-results/vitest-${process.env.SEGMENTA_TEST_LABEL ?? 'run'}.json` }]]
      : ['default'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

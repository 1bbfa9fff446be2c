import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * API and unit tests of the server. `npx vitest run` runs them on SQLite (a fresh DATA_DIR per test
 * file); `TEST_DB=postgres npx vitest run` runs the same files against a PostgreSQL database that the
 * global setup creates and migrates once per run and drops at the end (see src/server/test/).
 */
export default defineConfig({
  test: {
    include: ['src/server/**/*.test.ts', 'src/shared/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    environment: 'node',
    globalSetup: ['src/server/test/global-setup.ts'],
    pool: 'forks',
    // At least two files at once, so parallel safety on the shared PostgreSQL database is always
    // exercised; at most six, to stay well inside PostgreSQL's connection limit (a pool per file).
    maxWorkers: Math.min(6, Math.max(2, os.availableParallelism())),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

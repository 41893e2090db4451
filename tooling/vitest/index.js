import { defineConfig } from 'vitest/config';

/**
 * One Vitest config for every package.
 * - `unit`: every *.test.ts that is not a database test.
 * - `db:pglite`: *.db.test.ts on a clone of one migrated in-memory PGlite (always).
 * - `db:postgres`: the same files on the server in DATABASE_URL, each file in its own database (only when set).
 *
 * `coverageThresholds` (optional): minimum coverage percentages (`lines`, `statements`, `functions`, `branches`) passed to
 * `coverage.thresholds`, so `vitest run --coverage` fails below them.
 *
 * @param {{ dbGlobalSetup?: string, environment?: 'node' | 'happy-dom', setupFiles?: string[], coverageInclude?: string[], coverageThresholds?: { lines?: number, statements?: number, functions?: number, branches?: number }, server?: object }} options
 */
export function createVitestConfig(options = {}) {
  const { dbGlobalSetup, environment = 'node', setupFiles = [], coverageInclude = ['src/**/*.ts'], coverageThresholds, server } = options;
  // Tests run in UTC so nothing passes only in Beijing; the product itself works in Asia/Shanghai explicitly.
  const common = { environment, setupFiles, testTimeout: 30_000, hookTimeout: 120_000, env: { TZ: 'UTC' }, ...(server ? { server } : {}) };
  const projects = [
    { extends: true, test: { ...common, name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.db.test.ts'] } },
  ];
  if (dbGlobalSetup) {
    projects.push({
      extends: true,
      test: { ...common, name: 'db:pglite', include: ['src/**/*.db.test.ts'], globalSetup: [dbGlobalSetup], env: { TZ: 'UTC', XINFANG_TEST_ENGINE: 'pglite' } },
    });
    if (process.env.DATABASE_URL) {
      projects.push({
        extends: true,
        test: { ...common, name: 'db:postgres', include: ['src/**/*.db.test.ts'], globalSetup: [dbGlobalSetup], env: { TZ: 'UTC', XINFANG_TEST_ENGINE: 'postgres' } },
      });
    }
  }
  return defineConfig({
    test: {
      passWithNoTests: false,
      projects,
      coverage: {
        provider: 'v8',
        include: coverageInclude,
        exclude: ['**/*.test.ts', '**/testing/**'],
        reporter: ['text-summary', 'json-summary'],
        reportsDirectory: 'coverage',
        ...(coverageThresholds ? { thresholds: coverageThresholds } : {}),
      },
    },
  });
}

import { defineConfig } from 'vitest/config';

// `npm test` runs everything: pure units, the data layer on SQLite, again on PostgreSQL when
// TEST_DATABASE_URL is set (CI always sets it), and the browser journeys in Debian's Chromium.
const withPostgres = !!process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/shared/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'bench/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: { name: 'sqlite', include: ['src/server/**/*.test.ts'], env: { TEST_DB_ENGINE: 'sqlite' } },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                // *.pg-test.ts: what exists only with PostgreSQL (several app servers sharing LISTEN/NOTIFY).
                include: ['src/server/**/*.test.ts', 'src/server/**/*.pg-test.ts'],
                env: { TEST_DB_ENGINE: 'postgres' },
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // After the other projects, so Chromium does not compete with the data-layer suites for the two cores.
          sequence: { groupOrder: 1 },
        },
      },
    ],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});

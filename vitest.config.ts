import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests beside the code (parallel), and cross-service tests under tests/
// that talk to the real Redis and PostgreSQL (one file at a time; each isolates its own queues/db).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

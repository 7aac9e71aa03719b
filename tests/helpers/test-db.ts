// Each integration test file makes its own database (see packages/db/src/testing.ts).
import { createTestDatabase as create, type TestDatabase } from '@govwatch/db/testing';

export type { TestDatabase };

/** A fresh, migrated database on the server of DATABASE_URL (default: local PostgreSQL). */
export function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  return create(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres', opts);
}

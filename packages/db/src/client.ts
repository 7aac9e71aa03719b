import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { checkDatabaseReady } from './check-database.ts';
import { PrismaClient } from './generated/prisma/client.ts';

export { Prisma } from './generated/prisma/client.ts';
export type { PrismaClient };

export type Db = { prisma: PrismaClient; close(): Promise<void> };

/** The pg pool under each client createDb made: the store's hot path talks to it directly. */
const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * The only place that constructs a Prisma client: binary-free, on the pg driver adapter. Prisma
 * and the store's raw statements (store/sql.ts) share one pg pool, so one process holds one set
 * of connections.
 */
export function createDb(databaseUrl: string): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle connection that dies (a server restart) is dropped from the pool; the next query
  // opens another and fails or succeeds on its own. Unheard, the event would end the process.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  pools.set(prisma, pool);
  let closed: Promise<void> | undefined;
  const close = async () => {
    await prisma.$disconnect();
    await pool.end();
  };
  return { prisma, close: () => (closed ??= close()) };
}

/** The pg pool of a client made by createDb. */
export function poolOf(prisma: PrismaClient): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error('the store needs a Prisma client made by createDb (it talks to its pg pool)');
  return pool;
}

/** One line saying what is wrong with the database and what to run, instead of a client's stack trace. */
export async function checkDatabase(_db: Db, databaseUrl: string): Promise<void> {
  await checkDatabaseReady(databaseUrl);
}

import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type { PrismaClient };
export { Prisma } from './generated/prisma/client.ts';

export type Db = { prisma: PrismaClient; close(): Promise<void> };

/** The only place that constructs a Prisma client: binary-free, on the pg driver adapter. */
export function createDb(databaseUrl: string): Db {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  return { prisma, close: () => prisma.$disconnect() };
}

/** One line saying the database is unreachable, instead of a stack trace from deep inside a client. */
export async function checkDatabase(db: Db, databaseUrl: string): Promise<void> {
  try {
    await db.prisma.$queryRaw`SELECT 1`;
  } catch (err) {
    const msg = (err as Error).message.split('\n').find((l) => l.trim()) ?? String(err);
    throw new Error(`cannot reach PostgreSQL at ${databaseUrl} (${msg}); run: pnpm services`);
  }
}

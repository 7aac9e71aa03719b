import { PrismaPg } from '@prisma/adapter-pg';
import { checkDatabaseReady } from './check-database.ts';
import { PrismaClient } from './generated/prisma/client.ts';

export { Prisma } from './generated/prisma/client.ts';
export type { PrismaClient };

export type Db = { prisma: PrismaClient; close(): Promise<void> };

/** The only place that constructs a Prisma client: binary-free, on the pg driver adapter. */
export function createDb(databaseUrl: string): Db {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  return { prisma, close: () => prisma.$disconnect() };
}

/** One line saying what is wrong with the database and what to run, instead of a client's stack trace. */
export async function checkDatabase(_db: Db, databaseUrl: string): Promise<void> {
  await checkDatabaseReady(databaseUrl);
}

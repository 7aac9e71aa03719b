// src/client.ts
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.js";
import { Prisma } from "./generated/prisma/client.js";
function createDb(databaseUrl) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  return { prisma, close: () => prisma.$disconnect() };
}
async function checkDatabase(db, databaseUrl) {
  try {
    await db.prisma.$queryRaw`SELECT 1`;
  } catch (err) {
    const msg = err.message.split("\n").find((l) => l.trim()) ?? String(err);
    throw new Error(`cannot reach PostgreSQL at ${databaseUrl} (${msg}); run: pnpm services`);
  }
}
export {
  Prisma,
  checkDatabase,
  createDb
};
//# sourceMappingURL=client.js.map

// src/client.ts
import { PrismaPg } from "@prisma/adapter-pg";
import { checkDatabaseReady } from "./check-database.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { Prisma } from "./generated/prisma/client.js";
function createDb(databaseUrl) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  return { prisma, close: () => prisma.$disconnect() };
}
async function checkDatabase(_db, databaseUrl) {
  await checkDatabaseReady(databaseUrl);
}
export {
  Prisma,
  checkDatabase,
  createDb
};
//# sourceMappingURL=client.js.map

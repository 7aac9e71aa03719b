// src/generated/prisma/client.ts
import "node:process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import "@prisma/client/runtime/client";
import "./enums.js";
import * as $Class from "./internal/class.js";
import * as Prisma from "./internal/prismaNamespace.js";
import * as $Enums2 from "./enums.js";
export * from "./enums.js";
globalThis["__dirname"] = path.dirname(fileURLToPath(import.meta.url));
var PrismaClient = $Class.getPrismaClientClass(__dirname);
export {
  $Enums2 as $Enums,
  Prisma,
  PrismaClient
};
//# sourceMappingURL=client.js.map

// src/store/retry.ts
import { Prisma } from "../generated/prisma/client.js";
var RETRYABLE_SQLSTATE = /* @__PURE__ */ new Set(["23505", "40001", "40P01"]);
function isRetryableConflict(err) {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002" || err.code === "P2034") return true;
    const meta = err.meta;
    const code = meta?.code ?? meta?.driverAdapterError?.cause?.originalCode;
    if (typeof code === "string" && RETRYABLE_SQLSTATE.has(code)) return true;
  }
  const message = err instanceof Error ? err.message : String(err);
  return /\b(23505|40001|40P01)\b|unique constraint|could not serialize|deadlock detected/i.test(message);
}
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function withConflictRetries(maxAttempts, attempt) {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (n >= maxAttempts || !isRetryableConflict(err)) throw err;
      await sleep(10 * n + Math.random() * 20);
    }
  }
}
export {
  isRetryableConflict,
  withConflictRetries
};
//# sourceMappingURL=retry.js.map

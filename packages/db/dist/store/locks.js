// src/store/locks.ts
var STORE_LOCK_KEY = 1870034689;
async function lockStore(tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STORE_LOCK_KEY}::bigint)`;
}
export {
  STORE_LOCK_KEY,
  lockStore
};
//# sourceMappingURL=locks.js.map

// src/store/index.ts
import { storePage } from "./transaction.js";
import { StoreInputError } from "./prepare.js";
import { isRetryableConflict } from "./retry.js";
import { lockStore, STORE_LOCK_KEY } from "./locks.js";
import { nearReportCandidates } from "./identity.js";
export {
  STORE_LOCK_KEY,
  StoreInputError,
  isRetryableConflict,
  lockStore,
  nearReportCandidates,
  storePage
};
//# sourceMappingURL=index.js.map

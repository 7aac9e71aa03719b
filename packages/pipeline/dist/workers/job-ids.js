// src/workers/job-ids.ts
import { canonicalUrl, sha256Hex } from "@govwatch/core";
var jobIdFor = (runId, url) => `${runId}-${sha256Hex(canonicalUrl(url)).slice(0, 24)}`;
export {
  jobIdFor
};
//# sourceMappingURL=job-ids.js.map

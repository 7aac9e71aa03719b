// src/index.ts
export * from "./catalog.js";
export * from "./payloads.js";
export * from "./job-ids.js";
//# sourceMappingURL=index.js.map

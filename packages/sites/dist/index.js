// src/index.ts
export * from "./site-schema.js";
export * from "./load-sites.js";
//# sourceMappingURL=index.js.map

// src/index.ts
export * from "./agency-name.js";
export * from "./deadline.js";
export * from "./report-parts.js";
export * from "./compare-parts.js";
export * from "./watch-table.js";
//# sourceMappingURL=index.js.map

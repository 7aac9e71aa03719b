// src/fetch/index.ts
export * from "./challenge.js";
export * from "./error-kind.js";
export * from "./fetch-page.js";
export * from "./fetcher.js";
export * from "./host-limiter.js";
export * from "./robots.js";
export * from "./ssrf.js";
//# sourceMappingURL=index.js.map

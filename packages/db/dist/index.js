// src/index.ts
export * from "./client.js";
export * from "./runs.js";
export * from "./migrate.js";
export * from "./simhash.js";
export * from "./store/index.js";
export * from "./outbox.js";
export * from "./mark-missing.js";
export * from "./export-reports.js";
export * from "./report-history.js";
export * from "./events.js";
export * from "./webhook-deliveries.js";
export * from "./raw-snapshots.js";
export * from "./check-database.js";
export * from "./report-ref.js";
export * from "./reextract-sources.js";
export * from "./report-search.js";
export * from "./webhook-redeliver.js";
export * from "./agencies.js";
export * from "./watch.js";
//# sourceMappingURL=index.js.map

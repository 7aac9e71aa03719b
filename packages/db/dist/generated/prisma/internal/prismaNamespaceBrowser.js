// src/generated/prisma/internal/prismaNamespaceBrowser.ts
import * as runtime from "@prisma/client/runtime/index-browser";
var Decimal2 = runtime.Decimal;
var NullTypes = {
  DbNull: runtime.objectEnumValues.classes.DbNull,
  JsonNull: runtime.objectEnumValues.classes.JsonNull,
  AnyNull: runtime.objectEnumValues.classes.AnyNull
};
var DbNull = runtime.objectEnumValues.instances.DbNull;
var JsonNull = runtime.objectEnumValues.instances.JsonNull;
var AnyNull = runtime.objectEnumValues.instances.AnyNull;
var ModelName = {
  Site: "Site",
  CrawlRun: "CrawlRun",
  CrawlRunPage: "CrawlRunPage",
  Page: "Page",
  Report: "Report",
  ReportUrl: "ReportUrl",
  ReportVersion: "ReportVersion",
  RawSnapshot: "RawSnapshot",
  Event: "Event",
  WebhookDelivery: "WebhookDelivery",
  Agency: "Agency",
  WatchNotice: "WatchNotice"
};
var TransactionIsolationLevel = runtime.makeStrictEnum({
  ReadUncommitted: "ReadUncommitted",
  ReadCommitted: "ReadCommitted",
  RepeatableRead: "RepeatableRead",
  Serializable: "Serializable"
});
var SiteScalarFieldEnum = {
  id: "id",
  name: "name",
  config: "config",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var CrawlRunScalarFieldEnum = {
  id: "id",
  siteId: "siteId",
  trigger: "trigger",
  status: "status",
  crawlDone: "crawlDone",
  pagesQueued: "pagesQueued",
  stats: "stats",
  error: "error",
  startedAt: "startedAt",
  finishedAt: "finishedAt"
};
var CrawlRunPageScalarFieldEnum = {
  runId: "runId",
  url: "url",
  outcome: "outcome",
  reason: "reason",
  reportId: "reportId",
  createdAt: "createdAt"
};
var PageScalarFieldEnum = {
  id: "id",
  siteId: "siteId",
  url: "url",
  fetchUrl: "fetchUrl",
  etag: "etag",
  lastModified: "lastModified",
  lastContentHash: "lastContentHash",
  lastRawSha256: "lastRawSha256",
  status: "status",
  failReason: "failReason",
  missCount: "missCount",
  lastMissRunId: "lastMissRunId",
  reportId: "reportId",
  firstSeenAt: "firstSeenAt",
  lastSeenAt: "lastSeenAt",
  lastFetchedAt: "lastFetchedAt",
  lastChangedAt: "lastChangedAt"
};
var ReportScalarFieldEnum = {
  id: "id",
  siteId: "siteId",
  canonicalUrl: "canonicalUrl",
  title: "title",
  agency: "agency",
  reportYear: "reportYear",
  publishedAt: "publishedAt",
  source: "source",
  contentHash: "contentHash",
  simhash: "simhash",
  currentVersion: "currentVersion",
  status: "status",
  duplicateOfId: "duplicateOfId",
  agencyId: "agencyId",
  firstSeenAt: "firstSeenAt",
  updatedAt: "updatedAt"
};
var ReportUrlScalarFieldEnum = {
  url: "url",
  reportId: "reportId",
  kind: "kind",
  contentHash: "contentHash",
  firstSeenAt: "firstSeenAt",
  lastSeenAt: "lastSeenAt"
};
var ReportVersionScalarFieldEnum = {
  id: "id",
  reportId: "reportId",
  version: "version",
  contentHash: "contentHash",
  record: "record",
  text: "text",
  sections: "sections",
  attachments: "attachments",
  fetchedAt: "fetchedAt",
  crawlRunId: "crawlRunId",
  rawSha256: "rawSha256",
  createdAt: "createdAt"
};
var RawSnapshotScalarFieldEnum = {
  sha256: "sha256",
  content: "content",
  size: "size",
  contentType: "contentType",
  url: "url",
  fetchedAt: "fetchedAt"
};
var EventScalarFieldEnum = {
  id: "id",
  type: "type",
  reportId: "reportId",
  payload: "payload",
  createdAt: "createdAt",
  relayedAt: "relayedAt"
};
var WebhookDeliveryScalarFieldEnum = {
  id: "id",
  eventId: "eventId",
  url: "url",
  status: "status",
  attempts: "attempts",
  lastStatus: "lastStatus",
  lastError: "lastError",
  createdAt: "createdAt",
  updatedAt: "updatedAt",
  deliveredAt: "deliveredAt"
};
var AgencyScalarFieldEnum = {
  id: "id",
  key: "key",
  name: "name",
  aliases: "aliases",
  level: "level",
  siteIds: "siteIds",
  declared: "declared",
  needsReview: "needsReview",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var WatchNoticeScalarFieldEnum = {
  agencyId: "agencyId",
  year: "year",
  kind: "kind",
  reportId: "reportId",
  createdAt: "createdAt"
};
var SortOrder = {
  asc: "asc",
  desc: "desc"
};
var JsonNullValueInput = {
  JsonNull
};
var QueryMode = {
  default: "default",
  insensitive: "insensitive"
};
var JsonNullValueFilter = {
  DbNull,
  JsonNull,
  AnyNull
};
var NullsOrder = {
  first: "first",
  last: "last"
};
export {
  AgencyScalarFieldEnum,
  AnyNull,
  CrawlRunPageScalarFieldEnum,
  CrawlRunScalarFieldEnum,
  DbNull,
  Decimal2 as Decimal,
  EventScalarFieldEnum,
  JsonNull,
  JsonNullValueFilter,
  JsonNullValueInput,
  ModelName,
  NullTypes,
  NullsOrder,
  PageScalarFieldEnum,
  QueryMode,
  RawSnapshotScalarFieldEnum,
  ReportScalarFieldEnum,
  ReportUrlScalarFieldEnum,
  ReportVersionScalarFieldEnum,
  SiteScalarFieldEnum,
  SortOrder,
  TransactionIsolationLevel,
  WatchNoticeScalarFieldEnum,
  WebhookDeliveryScalarFieldEnum
};
//# sourceMappingURL=prismaNamespaceBrowser.js.map

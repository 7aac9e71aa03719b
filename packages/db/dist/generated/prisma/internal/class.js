// src/generated/prisma/internal/class.ts
import * as runtime from "@prisma/client/runtime/client";
var config = {
  "generator": {
    "name": "client",
    "provider": {
      "fromEnvVar": null,
      "value": "prisma-client"
    },
    "output": {
      "value": "/work/wt/integrate/packages/db/src/generated/prisma",
      "fromEnvVar": null
    },
    "config": {
      "moduleFormat": "esm",
      "engineType": "client",
      "importFileExtension": "ts"
    },
    "binaryTargets": [
      {
        "fromEnvVar": null,
        "value": "debian-openssl-3.0.x",
        "native": true
      }
    ],
    "previewFeatures": [],
    "sourceFilePath": "/work/wt/integrate/prisma/schema.prisma",
    "isCustomOutput": true
  },
  "relativePath": "../../../../../prisma",
  "clientVersion": "6.19.3",
  "engineVersion": "c2990dca591cba766e3b7ef5d9e8a84796e47ab7",
  "datasourceNames": [
    "db"
  ],
  "activeProvider": "postgresql",
  "postinstall": false,
  "inlineDatasources": {
    "db": {
      "url": {
        "fromEnvVar": "DATABASE_URL",
        "value": null
      }
    }
  },
  "inlineSchema": '// govwatch database. Binary-free Prisma 6.19: the client runs on the pg driver adapter and the\n// CLI on the WebAssembly schema engine (see prisma.config.ts and ../shared/OFFLINE.md).\ngenerator client {\n  provider            = "prisma-client"\n  output              = "../packages/db/src/generated/prisma"\n  engineType          = "client"\n  moduleFormat        = "esm"\n  importFileExtension = "ts"\n}\n\ndatasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n/// A site from the site file, mirrored so runs, pages and reports can reference it.\nmodel Site {\n  id        String     @id\n  name      String\n  config    Json\n  createdAt DateTime   @default(now())\n  updatedAt DateTime   @updatedAt\n  runs      CrawlRun[]\n  pages     Page[]\n  reports   Report[]\n}\n\n/// One crawl of one site. Counters are derived from CrawlRunPage rows (idempotent under retries);\n/// `stats` holds the crawler\'s own figures (fetched, 304s, bytes, errors by kind) and the final summary.\nmodel CrawlRun {\n  id          String         @id @default(uuid())\n  siteId      String\n  site        Site           @relation(fields: [siteId], references: [id])\n  trigger     String // schedule | cli | api | demo\n  status      String         @default("running") // running | finished | failed\n  crawlDone   Boolean        @default(false)\n  pagesQueued Int            @default(0)\n  stats       Json           @default("{}")\n  error       String?\n  startedAt   DateTime       @default(now())\n  finishedAt  DateTime?\n  pages       CrawlRunPage[]\n\n  @@index([siteId, startedAt])\n}\n\n/// What happened to one page in one run; the primary key makes a retried store job count once.\nmodel CrawlRunPage {\n  runId     String\n  run       CrawlRun @relation(fields: [runId], references: [id], onDelete: Cascade)\n  url       String\n  outcome   String // created | updated | unchanged | duplicate | notReport | failed\n  reason    String?\n  reportId  String?\n  createdAt DateTime @default(now())\n\n  @@id([runId, url])\n}\n\n/// One per canonical URL: crawl state the crawler reads for conditional GETs.\nmodel Page {\n  id              String    @id @default(uuid())\n  siteId          String\n  site            Site      @relation(fields: [siteId], references: [id])\n  url             String    @unique\n  fetchUrl        String\n  etag            String?\n  lastModified    String?\n  lastContentHash String?\n  lastRawSha256   String?\n  status          String    @default("ok") // ok | notReport | failed | blocked | gone\n  failReason      String?\n  missCount       Int       @default(0)\n  /// Run that last counted this page missing, so a retried markMissing counts a run once.\n  lastMissRunId   String?\n  reportId        String?\n  report          Report?   @relation(fields: [reportId], references: [id])\n  firstSeenAt     DateTime  @default(now())\n  lastSeenAt      DateTime  @default(now())\n  lastFetchedAt   DateTime?\n  lastChangedAt   DateTime?\n\n  @@index([siteId])\n}\n\nmodel Report {\n  id             String          @id @default(uuid())\n  siteId         String\n  site           Site            @relation(fields: [siteId], references: [id])\n  canonicalUrl   String          @unique\n  title          String?\n  agency         String?\n  reportYear     Int?\n  publishedAt    String?\n  source         String?\n  contentHash    String\n  /// 64-bit SimHash of the current text (packages/db/src/simhash.ts), null for very short texts.\n  simhash        BigInt?\n  currentVersion Int             @default(1)\n  status         String          @default("active") // active | removed\n  duplicateOfId  String?\n  firstSeenAt    DateTime        @default(now())\n  updatedAt      DateTime        @updatedAt\n  versions       ReportVersion[]\n  urls           ReportUrl[]\n  pages          Page[]\n\n  @@index([agency, reportYear])\n  @@index([updatedAt])\n}\n\n/// Every URL a report was seen at (aliases).\nmodel ReportUrl {\n  url         String   @id\n  reportId    String\n  report      Report   @relation(fields: [reportId], references: [id], onDelete: Cascade)\n  /// How the URL joined the report: primary (it created it) | url (same canonical URL) |\n  /// hash (same content) | moved (same agency + year + title) | duplicate (near-duplicate text).\n  kind        String   @default("primary")\n  /// contentHash last seen at this URL, so a duplicate alias seen again is "unchanged".\n  contentHash String?\n  firstSeenAt DateTime @default(now())\n  lastSeenAt  DateTime @default(now())\n\n  @@index([reportId])\n}\n\nmodel ReportVersion {\n  id          String   @id @default(uuid())\n  reportId    String\n  report      Report   @relation(fields: [reportId], references: [id], onDelete: Cascade)\n  version     Int\n  contentHash String\n  record      Json\n  text        String\n  sections    Json\n  attachments Json\n  fetchedAt   DateTime\n  crawlRunId  String?\n  rawSha256   String?\n  createdAt   DateTime @default(now())\n\n  @@unique([reportId, contentHash])\n  @@unique([reportId, version])\n  @@index([contentHash])\n}\n\n/// Raw page bytes, content-addressed, gzip-compressed, so any report can be re-extracted.\nmodel RawSnapshot {\n  sha256      String   @id\n  content     Bytes\n  size        Int\n  contentType String?\n  url         String\n  fetchedAt   DateTime @default(now())\n}\n\n/// Transactional outbox: written with the report change, relayed to downstream sinks.\nmodel Event {\n  id         BigInt            @id @default(autoincrement())\n  type       String // report.created | report.updated | report.removed\n  reportId   String\n  payload    Json\n  createdAt  DateTime          @default(now())\n  relayedAt  DateTime?\n  deliveries WebhookDelivery[]\n\n  @@index([relayedAt, id])\n}\n\n/// One event sent to one webhook URL: its attempts, last error and end (delivered or dead).\n/// Written by the webhook worker (packages/pipeline/src/webhook-worker.ts), one row per (event, url).\nmodel WebhookDelivery {\n  id          String    @id @default(uuid())\n  eventId     BigInt\n  event       Event     @relation(fields: [eventId], references: [id], onDelete: Cascade)\n  url         String\n  status      String // retrying | delivered | dead\n  attempts    Int       @default(0)\n  /// HTTP status of the last answer (null: no answer, e.g. connection refused or timeout).\n  lastStatus  Int?\n  lastError   String?\n  createdAt   DateTime  @default(now())\n  updatedAt   DateTime  @updatedAt\n  deliveredAt DateTime?\n\n  @@unique([eventId, url])\n  @@index([status, updatedAt])\n}\n',
  "inlineSchemaHash": "2ad14b19069208acd77bf9c832a619cba774e852c7c16cbde98167b9c8069509",
  "copyEngine": true,
  "runtimeDataModel": {
    "models": {},
    "enums": {},
    "types": {}
  },
  "dirname": ""
};
config.runtimeDataModel = JSON.parse('{"models":{"Site":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"config","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"runs","kind":"object","type":"CrawlRun","relationName":"CrawlRunToSite"},{"name":"pages","kind":"object","type":"Page","relationName":"PageToSite"},{"name":"reports","kind":"object","type":"Report","relationName":"ReportToSite"}],"dbName":null},"CrawlRun":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"siteId","kind":"scalar","type":"String"},{"name":"site","kind":"object","type":"Site","relationName":"CrawlRunToSite"},{"name":"trigger","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"crawlDone","kind":"scalar","type":"Boolean"},{"name":"pagesQueued","kind":"scalar","type":"Int"},{"name":"stats","kind":"scalar","type":"Json"},{"name":"error","kind":"scalar","type":"String"},{"name":"startedAt","kind":"scalar","type":"DateTime"},{"name":"finishedAt","kind":"scalar","type":"DateTime"},{"name":"pages","kind":"object","type":"CrawlRunPage","relationName":"CrawlRunToCrawlRunPage"}],"dbName":null},"CrawlRunPage":{"fields":[{"name":"runId","kind":"scalar","type":"String"},{"name":"run","kind":"object","type":"CrawlRun","relationName":"CrawlRunToCrawlRunPage"},{"name":"url","kind":"scalar","type":"String"},{"name":"outcome","kind":"scalar","type":"String"},{"name":"reason","kind":"scalar","type":"String"},{"name":"reportId","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Page":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"siteId","kind":"scalar","type":"String"},{"name":"site","kind":"object","type":"Site","relationName":"PageToSite"},{"name":"url","kind":"scalar","type":"String"},{"name":"fetchUrl","kind":"scalar","type":"String"},{"name":"etag","kind":"scalar","type":"String"},{"name":"lastModified","kind":"scalar","type":"String"},{"name":"lastContentHash","kind":"scalar","type":"String"},{"name":"lastRawSha256","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"failReason","kind":"scalar","type":"String"},{"name":"missCount","kind":"scalar","type":"Int"},{"name":"lastMissRunId","kind":"scalar","type":"String"},{"name":"reportId","kind":"scalar","type":"String"},{"name":"report","kind":"object","type":"Report","relationName":"PageToReport"},{"name":"firstSeenAt","kind":"scalar","type":"DateTime"},{"name":"lastSeenAt","kind":"scalar","type":"DateTime"},{"name":"lastFetchedAt","kind":"scalar","type":"DateTime"},{"name":"lastChangedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Report":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"siteId","kind":"scalar","type":"String"},{"name":"site","kind":"object","type":"Site","relationName":"ReportToSite"},{"name":"canonicalUrl","kind":"scalar","type":"String"},{"name":"title","kind":"scalar","type":"String"},{"name":"agency","kind":"scalar","type":"String"},{"name":"reportYear","kind":"scalar","type":"Int"},{"name":"publishedAt","kind":"scalar","type":"String"},{"name":"source","kind":"scalar","type":"String"},{"name":"contentHash","kind":"scalar","type":"String"},{"name":"simhash","kind":"scalar","type":"BigInt"},{"name":"currentVersion","kind":"scalar","type":"Int"},{"name":"status","kind":"scalar","type":"String"},{"name":"duplicateOfId","kind":"scalar","type":"String"},{"name":"firstSeenAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"versions","kind":"object","type":"ReportVersion","relationName":"ReportToReportVersion"},{"name":"urls","kind":"object","type":"ReportUrl","relationName":"ReportToReportUrl"},{"name":"pages","kind":"object","type":"Page","relationName":"PageToReport"}],"dbName":null},"ReportUrl":{"fields":[{"name":"url","kind":"scalar","type":"String"},{"name":"reportId","kind":"scalar","type":"String"},{"name":"report","kind":"object","type":"Report","relationName":"ReportToReportUrl"},{"name":"kind","kind":"scalar","type":"String"},{"name":"contentHash","kind":"scalar","type":"String"},{"name":"firstSeenAt","kind":"scalar","type":"DateTime"},{"name":"lastSeenAt","kind":"scalar","type":"DateTime"}],"dbName":null},"ReportVersion":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"reportId","kind":"scalar","type":"String"},{"name":"report","kind":"object","type":"Report","relationName":"ReportToReportVersion"},{"name":"version","kind":"scalar","type":"Int"},{"name":"contentHash","kind":"scalar","type":"String"},{"name":"record","kind":"scalar","type":"Json"},{"name":"text","kind":"scalar","type":"String"},{"name":"sections","kind":"scalar","type":"Json"},{"name":"attachments","kind":"scalar","type":"Json"},{"name":"fetchedAt","kind":"scalar","type":"DateTime"},{"name":"crawlRunId","kind":"scalar","type":"String"},{"name":"rawSha256","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null},"RawSnapshot":{"fields":[{"name":"sha256","kind":"scalar","type":"String"},{"name":"content","kind":"scalar","type":"Bytes"},{"name":"size","kind":"scalar","type":"Int"},{"name":"contentType","kind":"scalar","type":"String"},{"name":"url","kind":"scalar","type":"String"},{"name":"fetchedAt","kind":"scalar","type":"DateTime"}],"dbName":null},"Event":{"fields":[{"name":"id","kind":"scalar","type":"BigInt"},{"name":"type","kind":"scalar","type":"String"},{"name":"reportId","kind":"scalar","type":"String"},{"name":"payload","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"relayedAt","kind":"scalar","type":"DateTime"},{"name":"deliveries","kind":"object","type":"WebhookDelivery","relationName":"EventToWebhookDelivery"}],"dbName":null},"WebhookDelivery":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"eventId","kind":"scalar","type":"BigInt"},{"name":"event","kind":"object","type":"Event","relationName":"EventToWebhookDelivery"},{"name":"url","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"attempts","kind":"scalar","type":"Int"},{"name":"lastStatus","kind":"scalar","type":"Int"},{"name":"lastError","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"deliveredAt","kind":"scalar","type":"DateTime"}],"dbName":null}},"enums":{},"types":{}}');
config.engineWasm = void 0;
async function decodeBase64AsWasm(wasmBase64) {
  const { Buffer } = await import("node:buffer");
  const wasmArray = Buffer.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
config.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_bg.postgresql.mjs"),
  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.mjs");
    return await decodeBase64AsWasm(wasm);
  }
};
function getPrismaClientClass(dirname) {
  config.dirname = dirname;
  return runtime.getPrismaClient(config);
}
export {
  getPrismaClientClass
};
//# sourceMappingURL=class.js.map

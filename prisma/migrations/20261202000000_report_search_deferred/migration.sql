-- Report search indexes the current text of each report behind the store, in batches, instead of
-- inside every store transaction. The trigram GIN index on "ReportVersion"."text" made each new
-- version insert some 3,000 index entries, nearly all of them new keys: 6 to 9 ms of PostgreSQL CPU
-- per version, most of the cost of a store (the store benchmark). Indexing costs about the same
-- per text in a batch, but the stores no longer wait for it, a backlog is indexed when the stores
-- leave room, and only current texts are indexed, not every version ever kept.
--
-- "ReportSearchText" holds the text of the version "searchVersion" names. A report whose
-- "searchVersion" differs from its "currentVersion" is pending ("searchPending", computed by
-- PostgreSQL on every write, so no writer can forget it, and a plain column, so ANALYZE knows how
-- many are pending: the planner guessed nearly all for the bare comparison). The indexer
-- (packages/db/src/search-index.ts, run by every store worker) takes the pending ones, and search
-- reads their current text directly, so a report is found the moment it is stored.
DROP INDEX IF EXISTS "ReportVersion_text_trgm_idx";

CREATE TABLE "ReportSearchText" (
  "reportId" TEXT NOT NULL,
  "version" INTEGER NOT NULL,
  "text" TEXT COMPRESSION lz4 NOT NULL,
  CONSTRAINT "ReportSearchText_pkey" PRIMARY KEY ("reportId"),
  CONSTRAINT "ReportSearchText_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ReportSearchText_text_trgm_idx" ON "ReportSearchText" USING GIN ("text" gin_trgm_ops);

-- Existing reports start pending: the indexer in the store workers fills the table after the upgrade.
ALTER TABLE "Report" ADD COLUMN "searchVersion" INTEGER;
ALTER TABLE "Report" ADD COLUMN "searchPending" BOOLEAN GENERATED ALWAYS AS ("searchVersion" IS DISTINCT FROM "currentVersion") STORED;
CREATE INDEX "Report_search_pending_idx" ON "Report" ("id") WHERE "searchPending";

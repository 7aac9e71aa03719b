-- Full-text search over report titles and texts (GET /reports?q=, the reports page) with pg_trgm:
-- Chinese has no spaces between words, so word-based tsvector search finds nothing useful, while
-- trigram GIN indexes serve ILIKE '%…%' for any substring of three characters or more. A shorter
-- query (复议) still runs through the same index (a full index scan, then the exact recheck).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS "ReportVersion_text_trgm_idx" ON "ReportVersion" USING GIN ("text" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Report_title_trgm_idx" ON "Report" USING GIN ("title" gin_trgm_ops);

-- The reports list's keyset order (newest change first).
CREATE INDEX IF NOT EXISTS "Report_updatedAt_id_idx" ON "Report" ("updatedAt" DESC, "id" DESC);

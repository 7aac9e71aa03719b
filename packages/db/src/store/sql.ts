// SQL pieces the store's raw statements share: timestamps as Prisma writes them, JSON, and the
// raw snapshot insert (written by report and non-report pages alike).
import { Prisma } from '../generated/prisma/client.ts';
import type { Prepared } from './prepare.ts';

/** A timestamp(3) column holds UTC wall time (as Prisma writes it). */
export const utc = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
export const json = (value: unknown) => Prisma.sql`${JSON.stringify(value)}::jsonb`;

/** The CTE `snap` inserting the page's raw snapshot once per sha256; null when the job has no body. */
export function snapshotCte(p: Prepared, when: Prisma.Sql = Prisma.sql`true`): Prisma.Sql | null {
  if (!p.snapshot) return null;
  const { job } = p;
  return Prisma.sql`snap AS (
      INSERT INTO "RawSnapshot" (sha256, content, size, "contentType", url, "fetchedAt")
      SELECT ${job.rawSha256}, ${Buffer.from(p.snapshot.gz)}, ${p.snapshot.size}::int, ${job.contentType ?? null}, ${p.pageUrl}, ${utc(p.fetchedAt)}
      WHERE ${when}
      ON CONFLICT DO NOTHING RETURNING 1)`;
}

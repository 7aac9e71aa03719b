// Outbox writes: every report change writes its event in the same transaction as the change, so
// an event exists exactly when its change committed. events.ts reads them for the relay.
import { Prisma } from './generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;
export type ReportEventType = 'report.created' | 'report.updated' | 'report.removed';

type EventReport = {
  id: string;
  siteId: string;
  title: string | null;
  agency: string | null;
  reportYear: number | null;
};

/** The payload every report event carries (downstream relies on one shape). */
export function eventPayload(report: EventReport, extra: Record<string, unknown>): Prisma.InputJsonValue {
  return {
    reportId: report.id,
    siteId: report.siteId,
    title: report.title,
    agency: report.agency,
    reportYear: report.reportYear,
    ...extra,
  } as Prisma.InputJsonValue;
}

/** Write one report event into the outbox, inside the transaction that made the change. */
export async function writeReportEvent(
  tx: Tx,
  type: ReportEventType,
  report: EventReport,
  extra: Record<string, unknown>,
): Promise<void> {
  await tx.event.create({ data: { type, reportId: report.id, payload: eventPayload(report, extra) } });
}

/** The same event as one INSERT statement, for the store's raw statements (store/sql.ts). */
export function reportEventInsert(
  type: ReportEventType,
  report: EventReport,
  extra: Record<string, unknown>,
): Prisma.Sql {
  return Prisma.sql`INSERT INTO "Event" (type, "reportId", payload)
    VALUES (${type}, ${report.id}, ${JSON.stringify(eventPayload(report, extra))}::jsonb)`;
}

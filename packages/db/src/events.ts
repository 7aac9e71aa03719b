// Outbox reads for the relay: rows are written in the store transaction (outbox.ts,
// mark-missing.ts); the relay delivers them and then marks them relayed (at least once).
import type { PrismaClient } from './generated/prisma/client.ts';

export type EventType =
  | 'report.created'
  | 'report.updated'
  | 'report.removed'
  /** An agency's deadline passed with no report found (reportId null; the payload names the agency). */
  | 'report.overdue'
  /** A report found for an agency was published after its deadline. */
  | 'report.found_late';

export type OutboxEvent = {
  /** The bigint id as a decimal string (JSON-safe, ordered by creation). */
  id: string;
  type: EventType;
  /** Null for report.overdue. */
  reportId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  relayedAt: Date | null;
};

type EventRow = {
  id: bigint;
  type: string;
  reportId: string | null;
  payload: unknown;
  createdAt: Date;
  relayedAt: Date | null;
};

const toEvent = (e: EventRow): OutboxEvent => ({
  id: e.id.toString(),
  type: e.type as EventType,
  reportId: e.reportId,
  payload: (e.payload ?? {}) as Record<string, unknown>,
  createdAt: e.createdAt,
  relayedAt: e.relayedAt,
});

/** Events not yet relayed, oldest first. */
export async function pendingEvents(prisma: PrismaClient, limit = 100): Promise<OutboxEvent[]> {
  const rows = await prisma.event.findMany({ where: { relayedAt: null }, orderBy: { id: 'asc' }, take: limit });
  return rows.map(toEvent);
}

/** Mark events relayed; returns how many were still pending. Idempotent. */
export async function markRelayed(prisma: PrismaClient, ids: Array<string | bigint>): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await prisma.event.updateMany({
    where: { id: { in: ids.map((id) => BigInt(id)) }, relayedAt: null },
    data: { relayedAt: new Date() },
  });
  return result.count;
}

/** Events after an id (exclusive), oldest first: a consumer resumes from the last id it saw. */
export async function eventsAfter(
  prisma: PrismaClient,
  afterId: string | bigint | null,
  limit = 500,
): Promise<OutboxEvent[]> {
  const rows = await prisma.event.findMany({
    where: afterId === null ? {} : { id: { gt: BigInt(afterId) } },
    orderBy: { id: 'asc' },
    take: limit,
  });
  return rows.map(toEvent);
}

/** The most recent events, newest first. */
export async function recentEvents(prisma: PrismaClient, limit = 20): Promise<OutboxEvent[]> {
  const rows = await prisma.event.findMany({ orderBy: { id: 'desc' }, take: limit });
  return rows.map(toEvent);
}

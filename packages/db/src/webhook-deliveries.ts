// Webhook delivery bookkeeping: one row per (event, url), written by the webhook worker after each
// attempt, so `govwatch events --failed` can list what was dead-lettered and why.
import type { PrismaClient } from './generated/prisma/client.ts';

export type DeliveryStatus = 'retrying' | 'delivered' | 'dead';

export type DeliveryAttempt = {
  eventId: string | bigint;
  url: string;
  status: DeliveryStatus;
  /** Attempts made so far, this one included. */
  attempts: number;
  httpStatus: number | null;
  error: string | null;
};

export type WebhookDeliveryRow = {
  eventId: string;
  eventType: string;
  reportId: string | null;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
};

/**
 * Record one attempt. Idempotent per (event, url); attempts never go backwards and a delivered
 * row stays delivered, so a late or replayed attempt cannot undo a success.
 */
export async function recordDeliveryAttempt(prisma: PrismaClient, a: DeliveryAttempt): Promise<void> {
  const eventId = BigInt(a.eventId);
  const now = new Date();
  const data = {
    status: a.status,
    attempts: a.attempts,
    lastStatus: a.httpStatus,
    lastError: a.error,
    deliveredAt: a.status === 'delivered' ? now : null,
  };
  await prisma.webhookDelivery.upsert({
    where: { eventId_url: { eventId, url: a.url } },
    create: { eventId, url: a.url, ...data },
    update: {},
  });
  await prisma.webhookDelivery.updateMany({
    where: { eventId, url: a.url, status: { not: 'delivered' }, attempts: { lte: a.attempts } },
    data,
  });
}

/** Deliveries in one status (default: dead-lettered), most recent first. */
export async function listDeliveries(
  prisma: PrismaClient,
  options: { status?: DeliveryStatus; limit?: number } = {},
): Promise<WebhookDeliveryRow[]> {
  const rows = await prisma.webhookDelivery.findMany({
    where: { status: options.status ?? 'dead' },
    orderBy: [{ updatedAt: 'desc' }, { eventId: 'desc' }],
    take: options.limit ?? 100,
    include: { event: { select: { type: true, reportId: true } } },
  });
  return rows.map((r) => ({
    eventId: r.eventId.toString(),
    eventType: r.event.type,
    reportId: r.event.reportId,
    url: r.url,
    status: r.status as DeliveryStatus,
    attempts: r.attempts,
    lastStatus: r.lastStatus,
    lastError: r.lastError,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deliveredAt: r.deliveredAt,
  }));
}

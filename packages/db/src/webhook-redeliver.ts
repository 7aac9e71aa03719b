// `POST /events/redeliver` and `govwatch events --redeliver`: dead-lettered webhook deliveries get
// a fresh set of attempts. The rows go back to `retrying` with attempts 0 (recordDeliveryAttempt
// never lets attempts go backwards, so the reset has to happen here, before the jobs are queued).
import type { PrismaClient } from './client.ts';

export type ReopenedDelivery = {
  url: string;
  event: { id: string; type: string; reportId: string | null; payload: Record<string, unknown>; createdAt: string };
};

export async function reopenDeadDeliveries(prisma: PrismaClient, limit = 1000): Promise<ReopenedDelivery[]> {
  return prisma.$transaction(async (tx) => {
    const dead = await tx.webhookDelivery.findMany({
      where: { status: 'dead' },
      orderBy: [{ eventId: 'asc' }, { url: 'asc' }],
      take: limit,
      include: { event: true },
    });
    if (dead.length === 0) return [];
    await tx.webhookDelivery.updateMany({
      where: { id: { in: dead.map((d) => d.id) }, status: 'dead' },
      data: { status: 'retrying', attempts: 0 },
    });
    return dead.map((d) => ({
      url: d.url,
      event: {
        id: d.eventId.toString(),
        type: d.event.type,
        reportId: d.event.reportId,
        payload: (d.event.payload ?? {}) as Record<string, unknown>,
        createdAt: d.event.createdAt.toISOString(),
      },
    }));
  });
}

// src/webhook-redeliver.ts
async function reopenDeadDeliveries(prisma, limit = 1e3) {
  return prisma.$transaction(async (tx) => {
    const dead = await tx.webhookDelivery.findMany({
      where: { status: "dead" },
      orderBy: [{ eventId: "asc" }, { url: "asc" }],
      take: limit,
      include: { event: true }
    });
    if (dead.length === 0) return [];
    await tx.webhookDelivery.updateMany({
      where: { id: { in: dead.map((d) => d.id) }, status: "dead" },
      data: { status: "retrying", attempts: 0 }
    });
    return dead.map((d) => ({
      url: d.url,
      event: {
        id: d.eventId.toString(),
        type: d.event.type,
        reportId: d.event.reportId,
        payload: d.event.payload ?? {},
        createdAt: d.event.createdAt.toISOString()
      }
    }));
  });
}
export {
  reopenDeadDeliveries
};
//# sourceMappingURL=webhook-redeliver.js.map

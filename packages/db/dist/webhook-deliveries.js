// src/webhook-deliveries.ts
async function recordDeliveryAttempt(prisma, a) {
  const eventId = BigInt(a.eventId);
  const now = /* @__PURE__ */ new Date();
  const data = {
    status: a.status,
    attempts: a.attempts,
    lastStatus: a.httpStatus,
    lastError: a.error,
    deliveredAt: a.status === "delivered" ? now : null
  };
  await prisma.webhookDelivery.upsert({
    where: { eventId_url: { eventId, url: a.url } },
    create: { eventId, url: a.url, ...data },
    update: {}
  });
  await prisma.webhookDelivery.updateMany({
    where: { eventId, url: a.url, status: { not: "delivered" }, attempts: { lte: a.attempts } },
    data
  });
}
async function listDeliveries(prisma, options = {}) {
  const rows = await prisma.webhookDelivery.findMany({
    where: { status: options.status ?? "dead" },
    orderBy: [{ updatedAt: "desc" }, { eventId: "desc" }],
    take: options.limit ?? 100,
    include: { event: { select: { type: true, reportId: true } } }
  });
  return rows.map((r) => ({
    eventId: r.eventId.toString(),
    eventType: r.event.type,
    reportId: r.event.reportId,
    url: r.url,
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.lastStatus,
    lastError: r.lastError,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deliveredAt: r.deliveredAt
  }));
}
export {
  listDeliveries,
  recordDeliveryAttempt
};
//# sourceMappingURL=webhook-deliveries.js.map

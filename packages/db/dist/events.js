// src/events.ts
var toEvent = (e) => ({
  id: e.id.toString(),
  type: e.type,
  reportId: e.reportId,
  payload: e.payload ?? {},
  createdAt: e.createdAt,
  relayedAt: e.relayedAt
});
async function pendingEvents(prisma, limit = 100) {
  const rows = await prisma.event.findMany({ where: { relayedAt: null }, orderBy: { id: "asc" }, take: limit });
  return rows.map(toEvent);
}
async function markRelayed(prisma, ids) {
  if (ids.length === 0) return 0;
  const result = await prisma.event.updateMany({
    where: { id: { in: ids.map((id) => BigInt(id)) }, relayedAt: null },
    data: { relayedAt: /* @__PURE__ */ new Date() }
  });
  return result.count;
}
async function eventsAfter(prisma, afterId, limit = 500) {
  const rows = await prisma.event.findMany({
    where: afterId === null ? {} : { id: { gt: BigInt(afterId) } },
    orderBy: { id: "asc" },
    take: limit
  });
  return rows.map(toEvent);
}
async function recentEvents(prisma, limit = 20) {
  const rows = await prisma.event.findMany({ orderBy: { id: "desc" }, take: limit });
  return rows.map(toEvent);
}
export {
  eventsAfter,
  markRelayed,
  pendingEvents,
  recentEvents
};
//# sourceMappingURL=events.js.map

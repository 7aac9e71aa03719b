// src/store/pages.ts
function validators(job) {
  return {
    etag: job.etag ?? null,
    lastModified: job.lastModified ?? null,
    lastRawSha256: job.rawSha256
  };
}
async function upsertPage(tx, p, data) {
  const now = /* @__PURE__ */ new Date();
  const common = {
    ...data,
    fetchUrl: p.job.fetchUrl,
    lastFetchedAt: p.fetchedAt,
    ...data.missCount === 0 ? { lastSeenAt: now, lastMissRunId: null } : {}
  };
  return tx.page.upsert({
    where: { url: p.pageUrl },
    create: { url: p.pageUrl, siteId: p.job.siteId, ...common, lastChangedAt: data.lastChangedAt ?? now },
    update: common
  });
}
async function previousContentHash(tx, pageUrl) {
  const page = await tx.page.findUnique({ where: { url: pageUrl }, select: { lastContentHash: true } });
  return page?.lastContentHash;
}
export {
  previousContentHash,
  upsertPage,
  validators
};
//# sourceMappingURL=pages.js.map

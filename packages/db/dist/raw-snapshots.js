// src/raw-snapshots.ts
async function siteSnapshotRefs(prisma, siteId) {
  const rows = await prisma.$queryRaw`
    SELECT DISTINCT ON (sha256, url) sha256, url, "siteId", "contentType", "fetchedAt", size FROM (
      SELECT s.sha256, p."fetchUrl" AS url, p."siteId", s."contentType", coalesce(p."lastFetchedAt", s."fetchedAt") AS "fetchedAt", s.size
      FROM "Page" p JOIN "RawSnapshot" s ON s.sha256 = p."lastRawSha256"
      WHERE p."siteId" = ${siteId}
      UNION ALL
      SELECT s.sha256, s.url, p."siteId", s."contentType", s."fetchedAt", s.size
      FROM "RawSnapshot" s JOIN "Page" p ON p.url = s.url
      WHERE p."siteId" = ${siteId}
    ) refs
    ORDER BY sha256, url, "fetchedAt"`;
  return rows.map((r) => ({ ...r, size: Number(r.size) })).sort((a, b) => a.fetchedAt.getTime() - b.fetchedAt.getTime() || a.url.localeCompare(b.url));
}
async function snapshotBytes(prisma, sha256s) {
  const rows = await prisma.rawSnapshot.findMany({ where: { sha256: { in: sha256s } }, select: { sha256: true, content: true } });
  return new Map(rows.map((r) => [r.sha256, r.content]));
}
async function* withSnapshotBytes(prisma, refs, batchSize = 20) {
  for (let i = 0; i < refs.length; i += batchSize) {
    const batch = refs.slice(i, i + batchSize);
    const bytes = await snapshotBytes(prisma, [...new Set(batch.map((r) => r.sha256))]);
    for (const ref of batch) {
      const gzip = bytes.get(ref.sha256);
      if (gzip) yield { ...ref, gzip };
    }
  }
}
async function latestPageSnapshotRefs(prisma, siteId) {
  const pages = await prisma.page.findMany({
    where: { lastRawSha256: { not: null }, status: { not: "gone" }, ...siteId ? { siteId } : {} },
    orderBy: [{ siteId: "asc" }, { url: "asc" }],
    select: { siteId: true, url: true, fetchUrl: true, status: true, etag: true, lastModified: true, lastFetchedAt: true, lastRawSha256: true }
  });
  const shas = [...new Set(pages.map((p) => p.lastRawSha256))];
  const meta = /* @__PURE__ */ new Map();
  for (let i = 0; i < shas.length; i += 1e3) {
    const rows = await prisma.rawSnapshot.findMany({
      where: { sha256: { in: shas.slice(i, i + 1e3) } },
      select: { sha256: true, contentType: true, fetchedAt: true }
    });
    for (const r of rows) meta.set(r.sha256, { contentType: r.contentType, fetchedAt: r.fetchedAt });
  }
  const refs = [];
  for (const p of pages) {
    const sha256 = p.lastRawSha256;
    const m = meta.get(sha256);
    if (!m) continue;
    refs.push({
      siteId: p.siteId,
      pageUrl: p.url,
      fetchUrl: p.fetchUrl,
      status: p.status,
      etag: p.etag,
      lastModified: p.lastModified,
      lastFetchedAt: p.lastFetchedAt,
      sha256,
      contentType: m.contentType,
      snapshotFetchedAt: m.fetchedAt
    });
  }
  return refs;
}
export {
  latestPageSnapshotRefs,
  siteSnapshotRefs,
  snapshotBytes,
  withSnapshotBytes
};
//# sourceMappingURL=raw-snapshots.js.map

// src/store-page.ts
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { canonicalUrl } from "@govwatch/core";
import { Prisma } from "./generated/prisma/client.js";
import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, NEAR_DUPLICATE_MIN_JACCARD, shingleJaccard, simhash } from "./simhash.js";
var StoreInputError = class extends Error {
  name = "StoreInputError";
};
var STORE_LOCK_KEY = 1870034689;
async function lockStore(tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STORE_LOCK_KEY}::bigint)`;
}
function decodeSnapshot(job) {
  if (!job.bodyGzipBase64) return null;
  const gz = Buffer.from(job.bodyGzipBase64, "base64");
  let raw;
  try {
    raw = gunzipSync(gz);
  } catch (err) {
    throw new StoreInputError(`bodyGzipBase64 of ${job.fetchUrl} is not gzip: ${err.message}`);
  }
  const sha = createHash("sha256").update(raw).digest("hex");
  if (sha !== job.rawSha256) {
    throw new StoreInputError(`rawSha256 of ${job.fetchUrl} does not match its body (${job.rawSha256} vs ${sha})`);
  }
  const bytes = new Uint8Array(new ArrayBuffer(gz.length));
  bytes.set(gz);
  return { gz: bytes, size: raw.length };
}
function safeCanonical(url) {
  try {
    return canonicalUrl(url);
  } catch {
    return null;
  }
}
function prepare(job) {
  const pageUrl = safeCanonical(job.fetchUrl);
  if (!pageUrl) throw new StoreInputError(`fetchUrl is not an absolute URL: ${job.fetchUrl}`);
  const urls = [pageUrl];
  if (job.kind === "record") {
    const own = safeCanonical(job.record.url);
    if (own && own !== pageUrl) urls.push(own);
  }
  const fetched = new Date(job.fetchedAt);
  return {
    job,
    pageUrl,
    urls,
    fetchedAt: Number.isNaN(fetched.getTime()) ? /* @__PURE__ */ new Date() : fetched,
    snapshot: decodeSnapshot(job),
    fingerprint: job.kind === "record" && job.record.isReport ? simhash(job.record.text) : null
  };
}
var RETRYABLE_SQLSTATE = /* @__PURE__ */ new Set(["23505", "40001", "40P01"]);
function isRetryableConflict(err) {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002" || err.code === "P2034") return true;
    const meta = err.meta;
    const code = meta?.code ?? meta?.driverAdapterError?.cause?.originalCode;
    if (typeof code === "string" && RETRYABLE_SQLSTATE.has(code)) return true;
  }
  const message = err instanceof Error ? err.message : String(err);
  return /\b(23505|40001|40P01)\b|unique constraint|could not serialize|deadlock detected/i.test(message);
}
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function storePage(prisma, job, options = {}) {
  const prepared = prepare(job);
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => storeInTransaction(tx, prepared), {
        maxWait: 1e4,
        timeout: 6e4
      });
    } catch (err) {
      if (attempt >= maxAttempts || !isRetryableConflict(err)) throw err;
      await sleep(10 * attempt + Math.random() * 20);
    }
  }
}
async function storeInTransaction(tx, p) {
  const { job } = p;
  const isReport = job.kind === "record" && job.record.isReport;
  if (isReport) await lockStore(tx);
  const done = await tx.crawlRunPage.findUnique({ where: { runId_url: { runId: job.runId, url: p.pageUrl } } });
  if (done) {
    return { outcome: done.outcome, reportId: done.reportId ?? void 0, replayed: true };
  }
  if (p.snapshot) {
    await tx.rawSnapshot.createMany({
      data: [
        {
          sha256: job.rawSha256,
          content: p.snapshot.gz,
          size: p.snapshot.size,
          contentType: job.contentType ?? null,
          url: p.pageUrl,
          fetchedAt: p.fetchedAt
        }
      ],
      skipDuplicates: true
    });
  }
  let result;
  let reason = null;
  if (job.kind === "failed") {
    reason = job.reason;
    await upsertPage(tx, p, {
      status: "failed",
      failReason: job.reason,
      // Forget validators: a conditional GET must not answer 304 for a page we never stored.
      etag: null,
      lastModified: null,
      ...p.snapshot ? { lastRawSha256: job.rawSha256 } : {}
    });
    result = { outcome: "failed" };
  } else if (!job.record.isReport) {
    const kind = job.record.pageKind;
    reason = typeof kind === "string" ? kind : null;
    await upsertPage(tx, p, {
      ...validators(job),
      status: "notReport",
      failReason: null,
      lastContentHash: job.record.contentHash
      // missCount is left alone: a report page replaced by a notice (whose bytes may change every
      // fetch) is missing, and markMissing must be able to count it up to removal.
    });
    result = { outcome: "notReport" };
  } else {
    result = await storeReport(tx, p, job, job.record);
  }
  await tx.crawlRunPage.createMany({
    data: [{ runId: job.runId, url: p.pageUrl, outcome: result.outcome, reason, reportId: result.reportId ?? null }],
    skipDuplicates: true
  });
  return result;
}
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
async function storeReport(tx, p, job, record) {
  const hash = record.contentHash;
  const previousPage = await tx.page.findUnique({ where: { url: p.pageUrl }, select: { lastContentHash: true } });
  const match = await findReport(tx, p, record);
  let reportId;
  let outcome;
  let version;
  if (!match) {
    const created = await createReport(tx, p, job, record);
    reportId = created.id;
    outcome = "created";
    version = 1;
  } else {
    reportId = match.reportId;
    if (match.outcome === "newVersion") {
      version = await addVersion(tx, p, job, record, reportId);
      outcome = "updated";
    } else {
      outcome = match.outcome;
      const existing = await tx.reportVersion.findUnique({
        where: { reportId_contentHash: { reportId, contentHash: hash } },
        select: { version: true }
      });
      version = existing?.version;
      await restoreIfRemoved(tx, reportId, p.pageUrl);
    }
  }
  const now = /* @__PURE__ */ new Date();
  for (const [i, url] of p.urls.entries()) {
    const kind = outcome === "created" ? i === 0 ? "primary" : "url" : match?.kind ?? "url";
    await tx.reportUrl.upsert({
      where: { url },
      create: { url, reportId, kind, contentHash: hash, firstSeenAt: now, lastSeenAt: now },
      update: { lastSeenAt: now, contentHash: hash }
    });
  }
  await upsertPage(tx, p, {
    ...validators(job),
    status: "ok",
    failReason: null,
    lastContentHash: hash,
    missCount: 0,
    reportId,
    ...previousPage?.lastContentHash !== hash ? { lastChangedAt: now } : {}
  });
  return { outcome, reportId, ...version !== void 0 ? { version } : {} };
}
async function findReport(tx, p, record) {
  const hash = record.contentHash;
  const aliases = await tx.reportUrl.findMany({ where: { url: { in: p.urls } } });
  const alias = aliases.find((a) => a.url === p.pageUrl) ?? aliases[0];
  if (alias) {
    const known = await tx.reportVersion.findUnique({
      where: { reportId_contentHash: { reportId: alias.reportId, contentHash: hash } },
      select: { id: true }
    });
    if (known || alias.contentHash === hash) return { reportId: alias.reportId, kind: "url", outcome: "unchanged" };
    if (alias.kind === "duplicate" && await isNearDuplicateOf(tx, alias.reportId, p)) {
      return { reportId: alias.reportId, kind: "url", outcome: "duplicate" };
    }
    return { reportId: alias.reportId, kind: "url", outcome: "newVersion" };
  }
  const sameContent = await tx.reportVersion.findFirst({
    where: { contentHash: hash },
    orderBy: { createdAt: "asc" },
    select: { reportId: true }
  });
  if (sameContent) return { reportId: sameContent.reportId, kind: "hash", outcome: "unchanged" };
  if (record.agency && record.reportYear !== null && record.title) {
    const moved = await tx.report.findFirst({
      where: { agency: record.agency, reportYear: record.reportYear, title: record.title },
      orderBy: { firstSeenAt: "asc" },
      select: { id: true, siteId: true }
    });
    if (moved) {
      if (moved.siteId !== p.job.siteId && await isNearDuplicateOf(tx, moved.id, p)) {
        return { reportId: moved.id, kind: "duplicate", outcome: "duplicate" };
      }
      return { reportId: moved.id, kind: "moved", outcome: "newVersion" };
    }
  }
  const near = await nearestReport(tx, p, record);
  if (near) return { reportId: near, kind: "duplicate", outcome: "duplicate" };
  return null;
}
async function isNearDuplicateOf(tx, reportId, p) {
  if (p.fingerprint === null || p.job.kind !== "record") return false;
  const report = await tx.report.findUnique({ where: { id: reportId }, select: { simhash: true } });
  if (report?.simhash === null || report?.simhash === void 0) return false;
  if (hammingDistance(report.simhash, p.fingerprint) > NEAR_DUPLICATE_MAX_DISTANCE) return false;
  return await currentJaccard(tx, reportId, p.job.record.text) >= NEAR_DUPLICATE_MIN_JACCARD;
}
async function currentJaccard(tx, reportId, text) {
  const rows = await tx.$queryRaw`
    SELECT v.text FROM "ReportVersion" v JOIN "Report" r ON r.id = v."reportId" AND v.version = r."currentVersion"
    WHERE r.id = ${reportId}`;
  const current = rows[0]?.text;
  return current === void 0 ? 0 : shingleJaccard(current, text);
}
async function nearReportCandidates(tx, fingerprint, reportYear, limit = 5, agency = null) {
  if (fingerprint === null) return [];
  return tx.$queryRaw`
    SELECT id, bit_count((simhash # ${fingerprint}::bigint)::bit(64))::int AS distance
    FROM "Report"
    WHERE simhash IS NOT NULL
      AND (${reportYear}::int IS NULL OR "reportYear" IS NULL OR "reportYear" = ${reportYear}::int)
      AND (${agency}::text IS NULL OR agency IS NULL OR agency = ${agency}::text)
      AND bit_count((simhash # ${fingerprint}::bigint)::bit(64)) <= ${NEAR_DUPLICATE_MAX_DISTANCE}
    ORDER BY distance, "firstSeenAt"
    LIMIT ${limit}`;
}
async function nearestReport(tx, p, record) {
  for (const candidate of await nearReportCandidates(tx, p.fingerprint, record.reportYear, 5, record.agency)) {
    if (await currentJaccard(tx, candidate.id, record.text) >= NEAR_DUPLICATE_MIN_JACCARD) return candidate.id;
  }
  return null;
}
function versionData(p, job, record) {
  const { text, sections, attachments, ...rest } = record;
  return {
    contentHash: record.contentHash,
    record: rest,
    text,
    sections,
    attachments,
    fetchedAt: p.fetchedAt,
    crawlRunId: job.runId,
    rawSha256: p.snapshot ? job.rawSha256 : null
  };
}
function reportFields(record) {
  return {
    title: record.title,
    agency: record.agency,
    reportYear: record.reportYear,
    publishedAt: record.publishedAt,
    source: record.source
  };
}
function eventPayload(report, extra) {
  return {
    reportId: report.id,
    siteId: report.siteId,
    title: report.title,
    agency: report.agency,
    reportYear: report.reportYear,
    ...extra
  };
}
async function createReport(tx, p, job, record) {
  const report = await tx.report.create({
    data: {
      siteId: job.siteId,
      canonicalUrl: p.pageUrl,
      ...reportFields(record),
      contentHash: record.contentHash,
      simhash: p.fingerprint,
      currentVersion: 1,
      versions: { create: { version: 1, ...versionData(p, job, record) } }
    }
  });
  await tx.event.create({
    data: {
      type: "report.created",
      reportId: report.id,
      payload: eventPayload(report, { version: 1, url: p.pageUrl, contentHash: record.contentHash })
    }
  });
  return report;
}
async function addVersion(tx, p, job, record, reportId) {
  const max = await tx.reportVersion.aggregate({ where: { reportId }, _max: { version: true } });
  const version = (max._max.version ?? 0) + 1;
  await tx.reportVersion.create({ data: { reportId, version, ...versionData(p, job, record) } });
  const before = await tx.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } });
  const report = await tx.report.update({
    where: { id: reportId },
    data: {
      ...Object.fromEntries(Object.entries(reportFields(record)).filter(([, v]) => v !== null)),
      contentHash: record.contentHash,
      simhash: p.fingerprint,
      currentVersion: version,
      status: "active"
    }
  });
  await tx.event.create({
    data: {
      type: "report.updated",
      reportId,
      payload: eventPayload(report, {
        version,
        previousVersion: version - 1,
        url: p.pageUrl,
        contentHash: record.contentHash,
        ...before.status === "removed" ? { restored: true } : {}
      })
    }
  });
  return version;
}
async function restoreIfRemoved(tx, reportId, url) {
  const restored = await tx.report.updateMany({ where: { id: reportId, status: "removed" }, data: { status: "active" } });
  if (restored.count === 0) return;
  const report = await tx.report.findUniqueOrThrow({ where: { id: reportId } });
  await tx.event.create({
    data: {
      type: "report.updated",
      reportId,
      payload: eventPayload(report, { version: report.currentVersion, url, contentHash: report.contentHash, restored: true })
    }
  });
}
export {
  STORE_LOCK_KEY,
  StoreInputError,
  eventPayload,
  isRetryableConflict,
  lockStore,
  nearReportCandidates,
  storePage
};
//# sourceMappingURL=store-page.js.map

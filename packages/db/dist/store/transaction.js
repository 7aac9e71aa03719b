// src/store/transaction.ts
import { findReport } from "./identity.js";
import { lockStore } from "./locks.js";
import { previousContentHash, upsertPage, validators } from "./pages.js";
import { prepare } from "./prepare.js";
import { withConflictRetries } from "./retry.js";
import { addVersion, createReport, recordReportUrls, restoreIfRemoved, versionOfContent } from "./versions.js";
async function storePage(prisma, job, options = {}) {
  const prepared = prepare(job);
  return withConflictRetries(
    options.maxAttempts ?? 5,
    () => prisma.$transaction((tx) => storeInTransaction(tx, prepared), { maxWait: 1e4, timeout: 6e4 })
  );
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
    reason = job.record.pageKind ?? null;
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
async function storeReport(tx, p, job, record) {
  const hash = record.contentHash;
  const previousHash = await previousContentHash(tx, p.pageUrl);
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
      version = await versionOfContent(tx, reportId, hash);
      await restoreIfRemoved(tx, reportId, p.pageUrl);
    }
  }
  await recordReportUrls(tx, p.urls, reportId, hash, (i) => outcome === "created" ? i === 0 ? "primary" : "url" : match?.kind ?? "url");
  await upsertPage(tx, p, {
    ...validators(job),
    status: "ok",
    failReason: null,
    lastContentHash: hash,
    missCount: 0,
    reportId,
    ...previousHash !== hash ? { lastChangedAt: /* @__PURE__ */ new Date() } : {}
  });
  return { outcome, reportId, ...version !== void 0 ? { version } : {} };
}
export {
  storePage
};
//# sourceMappingURL=transaction.js.map

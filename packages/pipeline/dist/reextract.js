// src/reextract.ts
import { gunzip } from "@govwatch/core";
import { parsePayload } from "@govwatch/jobs";
import {
  finishCrawl,
  keptAttachmentTexts,
  latestPageSnapshotRefs,
  recordPageFailure,
  sitesWithSnapshots,
  snapshotBytes,
  startReextractRun,
  storedSiteConfig,
  storePage
} from "@govwatch/db";
import { extract, textAttachmentOf, withAttachmentText } from "@govwatch/extract";
function reextractJob(ref, gzip, runId, site, kept) {
  const meta = {
    runId,
    siteId: ref.siteId,
    fetchUrl: ref.fetchUrl,
    fetchedAt: (ref.lastFetchedAt ?? ref.snapshotFetchedAt).toISOString(),
    status: 200,
    contentType: ref.contentType,
    etag: ref.etag,
    lastModified: ref.lastModified,
    rawSha256: ref.sha256,
    bodyGzipBase64: Buffer.from(gzip).toString("base64")
  };
  let job;
  try {
    let record = extract({
      bytes: gunzip(gzip),
      url: ref.fetchUrl,
      contentType: ref.contentType,
      encoding: site.encoding ?? null,
      titleKeywords: site.titleKeywords
    });
    const attachment = textAttachmentOf(record);
    if (attachment && kept && kept.url === attachment.url) record = withAttachmentText(record, kept, attachment);
    job = { kind: "record", ...meta, record };
  } catch (err) {
    job = { kind: "failed", ...meta, reason: `extract failed: ${err.message}` };
  }
  return parsePayload("store", job);
}
var kindOfStatus = (status) => status === "ok" || status === "notReport" ? status : "failed";
var kindOfOutcome = (outcome) => outcome === "failed" ? "failed" : outcome === "notReport" ? "notReport" : "ok";
async function reextractSite(prisma, siteId, opts = {}) {
  const stored = await storedSiteConfig(prisma, siteId);
  if (!stored) throw new Error(`no site ${siteId} in the database`);
  const config = stored;
  const refs = await latestPageSnapshotRefs(prisma, siteId);
  const runId = await startReextractRun(prisma, siteId);
  const summary = { siteId, runId, pages: refs.length, changed: 0, unchanged: 0, failed: 0, outcomes: {} };
  const count = (key) => {
    summary.outcomes[key] = (summary.outcomes[key] ?? 0) + 1;
  };
  const batchSize = opts.batchSize ?? 20;
  const started = Date.now();
  for (let i = 0; i < refs.length; i += batchSize) {
    const batch = refs.slice(i, i + batchSize);
    const bytes = await snapshotBytes(prisma, [...new Set(batch.map((r) => r.sha256))]);
    const kept = await keptAttachmentTexts(prisma, batch.map((r) => r.pageUrl));
    for (const ref of batch) {
      const gzip = bytes.get(ref.sha256);
      try {
        if (!gzip) throw new Error(`snapshot ${ref.sha256} vanished`);
        const job = reextractJob(ref, gzip, runId, config, kept.get(ref.pageUrl));
        if (job.kind === "crawlFinished" || job.kind === "watchCheck") throw new Error("unreachable");
        const { outcome } = await storePage(prisma, job);
        count(outcome);
        if (outcome === "failed") summary.failed++;
        else if (outcome === "created" || outcome === "updated") summary.changed++;
        else if (kindOfOutcome(outcome) !== kindOfStatus(ref.status)) summary.changed++;
        else summary.unchanged++;
      } catch (err) {
        count("error");
        summary.failed++;
        opts.log?.warn({ site: siteId, url: ref.pageUrl, err: err.message }, "reextract failed for a page");
        await recordPageFailure(prisma, runId, ref.pageUrl, `reextract: ${err.message}`);
      }
    }
  }
  const { outcomes: _o, siteId: _s, runId: _r, ...figures } = summary;
  await finishCrawl(prisma, runId, { pagesQueued: refs.length, reextract: figures, durationMs: Date.now() - started });
  return summary;
}
async function reextract(prisma, opts = {}) {
  const siteIds = opts.siteId ? [opts.siteId] : await sitesWithSnapshots(prisma);
  const out = [];
  for (const siteId of siteIds.sort()) out.push(await reextractSite(prisma, siteId, { log: opts.log }));
  return out;
}
function formatReextract(s) {
  const o = s.outcomes;
  return `reextract site ${s.siteId} (run ${s.runId}): pages ${s.pages}, changed ${s.changed} (new ${o.created ?? 0}, updated ${o.updated ?? 0}), unchanged ${s.unchanged}, failed ${s.failed}`;
}
export {
  formatReextract,
  reextract,
  reextractJob,
  reextractSite
};
//# sourceMappingURL=reextract.js.map

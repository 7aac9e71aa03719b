// src/reextract.ts
import { gunzipSync } from "node:zlib";
import { parsePayload } from "@govwatch/core";
import {
  finishCrawl,
  latestPageSnapshotRefs,
  snapshotBytes,
  storePage
} from "@govwatch/db";
import { extract, textAttachmentOf, withAttachmentText } from "@govwatch/extract";
async function attachmentTexts(prisma, pageUrls) {
  const pages = await prisma.page.findMany({
    where: { url: { in: pageUrls }, reportId: { not: null } },
    select: { url: true, report: { select: { versions: { orderBy: { version: "desc" }, take: 1, select: { text: true, record: true } } } } }
  });
  const kept = /* @__PURE__ */ new Map();
  for (const page of pages) {
    const version = page.report?.versions[0];
    const record = version?.record;
    const file = record?.textAttachment;
    if (version && record?.textSource === "attachment" && file?.url && file.kind) {
      kept.set(page.url, { text: version.text, kind: file.kind, url: file.url });
    }
  }
  return kept;
}
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
      bytes: gunzipSync(gzip),
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
  const site = await prisma.site.findUnique({ where: { id: siteId } });
  if (!site) throw new Error(`no site ${siteId} in the database`);
  const config = site.config ?? {};
  const refs = await latestPageSnapshotRefs(prisma, siteId);
  const run = await prisma.crawlRun.create({ data: { siteId, trigger: "reextract" } });
  const summary = { siteId, runId: run.id, pages: refs.length, changed: 0, unchanged: 0, failed: 0, outcomes: {} };
  const count = (key) => {
    summary.outcomes[key] = (summary.outcomes[key] ?? 0) + 1;
  };
  const batchSize = opts.batchSize ?? 20;
  const started = Date.now();
  for (let i = 0; i < refs.length; i += batchSize) {
    const batch = refs.slice(i, i + batchSize);
    const bytes = await snapshotBytes(prisma, [...new Set(batch.map((r) => r.sha256))]);
    const kept = await attachmentTexts(prisma, batch.map((r) => r.pageUrl));
    for (const ref of batch) {
      const gzip = bytes.get(ref.sha256);
      try {
        if (!gzip) throw new Error(`snapshot ${ref.sha256} vanished`);
        const job = reextractJob(ref, gzip, run.id, config, kept.get(ref.pageUrl));
        if (job.kind === "crawlFinished") throw new Error("unreachable");
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
        await prisma.crawlRunPage.createMany({
          data: [{ runId: run.id, url: ref.pageUrl, outcome: "failed", reason: `reextract: ${err.message}` }],
          skipDuplicates: true
        });
      }
    }
  }
  const { outcomes: _o, siteId: _s, runId: _r, ...figures } = summary;
  await finishCrawl(prisma, run.id, { pagesQueued: refs.length, reextract: figures, durationMs: Date.now() - started });
  return summary;
}
async function reextract(prisma, opts = {}) {
  const siteIds = opts.siteId ? [opts.siteId] : (await prisma.page.findMany({ where: { lastRawSha256: { not: null } }, distinct: ["siteId"], select: { siteId: true } })).map((p) => p.siteId);
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

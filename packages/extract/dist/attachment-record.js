// src/attachment-record.ts
import { contentHashOf } from "./hash.js";
import { agencyFromTitle, looksLikeAgency, parseSignature, reportYearOf } from "./metadata.js";
import { outlineOf } from "./outline.js";
var MIN_PAGE_TEXT = 200;
var READABLE = /\.(pdf|docx)$/i;
function readable(a) {
  let path = a.url;
  try {
    path = new URL(a.url).pathname;
  } catch {
  }
  return READABLE.test(path) || READABLE.test(a.name.trim());
}
function textAttachmentOf(record) {
  if (!record.isReport || record.text.replace(/\s/g, "").length >= MIN_PAGE_TEXT) return null;
  const candidates = record.attachments.filter(readable);
  return candidates.find((a) => a.name.includes("\u62A5\u544A")) ?? candidates[0] ?? null;
}
var squash = (s) => s.replace(/\s+/g, "");
function titleLines(lines, title) {
  if (!title) return 0;
  const want = squash(title);
  let got = "";
  for (let i = 0; i < Math.min(lines.length, 3); i++) {
    got += squash(lines[i]);
    if (got === want) return i + 1;
    if (!want.startsWith(got)) return 0;
  }
  return 0;
}
function looksLikeTitle(line) {
  return line.length >= 5 && line.length <= 80 && !/[。；;]/.test(line) && /(报告|情况)/.test(line);
}
function withAttachmentText(record, got, attachment) {
  let lines = got.text.split("\n").filter((l) => l !== "");
  let title = record.title;
  let skip = titleLines(lines, title);
  if (!title && lines[0] && looksLikeTitle(lines[0])) {
    title = lines[0];
    skip = 1;
  }
  const docTitle = skip > 0 ? lines.slice(0, skip).join("") : null;
  lines = lines.slice(skip);
  const text = lines.join("\n");
  const signature = parseSignature(lines);
  const agency = record.agency ?? signature.agency ?? (docTitle ? agencyFromTitle(docTitle) : null) ?? (record.source && looksLikeAgency(record.source) ? record.source : null);
  return {
    ...record,
    title,
    publishedAt: record.publishedAt ?? signature.date,
    agency,
    reportYear: record.reportYear ?? reportYearOf(docTitle, lines[0] ?? null),
    text,
    sections: outlineOf(lines),
    contentHash: contentHashOf(text),
    reasons: [...record.reasons, `text: from the ${got.kind.toUpperCase()} attachment ${attachment.url} (${text.length} characters)`],
    textSource: "attachment",
    textAttachment: { url: attachment.url, name: attachment.name, kind: got.kind }
  };
}
export {
  MIN_PAGE_TEXT,
  textAttachmentOf,
  withAttachmentText
};
//# sourceMappingURL=attachment-record.js.map

// A report published as a file of its own — a PDF or DOCX linked straight from a list (column)
// page, no HTML page around it — made into a record: the link's text is its title (the list
// names the report; the file may open with a cover line or nothing), the list's date its
// publishedAt, the file its one attachment and its text the report's. Pure: the caller fetches.
import { z } from 'zod';
import { titleLines } from './attachment-record.ts';
import { type AttachmentText, attachmentKind, attachmentText } from './attachment-text.ts';
import { fileNameOf } from './attachments.ts';
import { contentHashOf } from './hash.ts';
import { agencyFromTitle, normalizeDate, parseSignature, reportYearOf } from './metadata.ts';
import { binaryKind } from './not-html.ts';
import { outlineOf } from './outline.ts';
import type { ExtractedRecord } from './record.ts';
import { canonicalUrl } from './url.ts';

export type DocumentKind = AttachmentText['kind'];

/** The list link a document report was found by (it rides in the extract job). */
export const DocumentLink = z.object({
  /** The link's text (or title attribute): the report's title. */
  title: z.string(),
  /** YYYY-MM-DD the list showed beside the link, if it showed one. */
  listDate: z.string().nullish(),
});
export type DocumentLink = z.infer<typeof DocumentLink>;

const DOCUMENT_PATH = /\.(pdf|docx)$/i;
const DEFAULT_KEYWORDS = ['法治政府建设'];

/** Whether a link's URL names a file the extractor reads (PDF, DOCX), by its path's extension. */
export function isDocumentUrl(url: string | URL): boolean {
  try {
    return DOCUMENT_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** The date a list entry shows beside its link (2024-03-20, 2024年3月20日, [2024/03/20]), or null. */
export function listDateOf(text: string): string | null {
  const m = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/.exec(text);
  return m ? normalizeDate(m[0]) : null;
}

/**
 * Whether bytes are a PDF or DOCX file: by their signature (attachmentKind) and not text (an HTML
 * page may quote "%PDF-" near its start).
 */
export function isDocumentBytes(bytes: Uint8Array): boolean {
  return binaryKind(bytes) !== null && attachmentKind(bytes, '') !== null;
}

/** Why a fetched document yields no report text, or its text. */
export type DocumentRead = { ok: AttachmentText } | { failed: string } | { notDocument: true };

/**
 * The text of a fetched document. `notDocument` when the bytes are a page after all (a link
 * ending in .pdf that serves an HTML viewer or a soft 404): the caller extracts it as a page. A
 * file that is binary but no PDF or DOCX, a corrupt one and one without text (a scan) each fail
 * with their reason, never as an empty report.
 */
export async function readDocument(bytes: Uint8Array, url: string, contentType?: string | null): Promise<DocumentRead> {
  const kind = attachmentKind(bytes, url);
  if (!kind) {
    if (bytes.byteLength > 0 && binaryKind(bytes) === null) return { notDocument: true };
    const what = bytes.byteLength === 0 ? 'an empty body' : `${binaryKind(bytes)} content`;
    return { failed: `document unreadable: not a PDF or DOCX file (${what}, content-type ${contentType || 'none'})` };
  }
  const name = kind.toUpperCase();
  let got: AttachmentText | null;
  try {
    got = await attachmentText(bytes, url);
  } catch (err) {
    return { failed: `document unreadable: the ${name} cannot be read: ${(err as Error).message}` };
  }
  if (!got) return { failed: `document unreadable: not a PDF or DOCX file (content-type ${contentType || 'none'})` };
  if (got.text.replace(/\s/g, '') === '')
    return { failed: `document unreadable: the ${name} has no text (a scanned image?)` };
  return { ok: got };
}

/** A list's link text cut short for the column's width: 某某区2022年法治政府建设年度... */
const CUT_SHORT = /(?:\.{2,}|…+|。。。)$/;

/** A document's opening line read as its title. */
function looksLikeTitle(line: string): boolean {
  return line.length >= 5 && line.length <= 80 && !/[。；;]/.test(line) && /(报告|情况)/.test(line);
}

/**
 * The record of a document report. Title: the link's text, unless it was cut short and the file's
 * opening line completes it (or there is no link text and the file opens with a title). The
 * opening title lines are not text. reportYear and agency as for pages: the title, then the
 * opening sentence and the signature; publishedAt: the list's date, else the signature's.
 */
export function documentRecord(input: {
  url: string;
  got: AttachmentText;
  link: DocumentLink | null;
  titleKeywords?: string[];
}): ExtractedRecord {
  const { got, link } = input;
  const url = canonicalUrl(input.url);
  const reasons: string[] = [];
  let lines = got.text.split('\n').filter((l) => l !== '');
  const linkTitle = link?.title.replace(/\s+/g, ' ').trim() || null;
  let title = linkTitle;
  let skip = titleLines(lines, title);
  if (skip === 0 && lines[0] && looksLikeTitle(lines[0])) {
    const stem = linkTitle?.replace(CUT_SHORT, '').replace(/\s+/g, '');
    if (!linkTitle || (stem && CUT_SHORT.test(linkTitle) && lines[0].replace(/\s+/g, '').startsWith(stem))) {
      title = lines[0];
      reasons.push(
        `title: the file's opening line${linkTitle ? `, the link's text "${linkTitle}" being cut short` : ''}`,
      );
    }
    skip = 1; // a title-like opening line is the file's title, whatever the link said
  } else if (title) reasons.push("title: the list link's text");
  const docTitle = skip > 0 ? lines.slice(0, skip).join('') : null;
  lines = lines.slice(skip);
  const text = lines.join('\n');
  const signature = parseSignature(lines);
  const keywords = input.titleKeywords?.length ? input.titleKeywords : DEFAULT_KEYWORDS;
  const isReport = [title, docTitle].some((t) => t !== null && keywords.some((k) => t.includes(k)));
  const listDate = link?.listDate ?? null;
  const publishedAt = listDate ?? signature.date;
  if (publishedAt)
    reasons.push(`publishedAt: ${listDate ? "the list's date beside the link" : "the file's signature"}`);
  const name = title ?? fileNameOf(url);
  const kind = got.kind.toUpperCase();
  return {
    url,
    isReport,
    title,
    publishedAt,
    source: null,
    agency:
      signature.agency ?? (title ? agencyFromTitle(title) : null) ?? (docTitle ? agencyFromTitle(docTitle) : null),
    reportYear: reportYearOf(title, null) ?? reportYearOf(docTitle, lines[0] ?? null),
    text,
    sections: outlineOf(lines),
    attachments: [{ url, name }],
    contentHash: contentHashOf(text),
    pageKind: isReport ? 'report' : 'article',
    reasons: [
      `document: a ${kind} linked from a list page, read as the report itself`,
      isReport ? `report: the title names one of ${keywords.join(', ')}` : 'not a report: no title keyword',
      `text: from the ${kind} (${text.length} characters)`,
      ...reasons,
    ],
    textSource: 'document',
    textAttachment: { url, name, kind: got.kind },
  };
}

/**
 * A fetched document as the store is to get it: its record, or why it cannot be read; null when
 * the bytes are a page after all (the caller extracts them as one). The extract worker and
 * reextract both go through here.
 */
export async function documentReport(input: {
  bytes: Uint8Array;
  url: string;
  contentType?: string | null;
  link: DocumentLink | null;
  titleKeywords?: string[];
}): Promise<{ record: ExtractedRecord } | { failed: string } | null> {
  const read = await readDocument(input.bytes, input.url, input.contentType);
  if ('failed' in read) return read;
  if (!('ok' in read)) return null;
  return {
    record: documentRecord({ url: input.url, got: read.ok, link: input.link, titleKeywords: input.titleKeywords }),
  };
}

// A report page whose body only points to an attachment gets its text from that attachment:
// which attachment to read, and the record once its text is known. Pure: the caller fetches.
import type { AttachmentText } from './attachment-text.ts';
import { contentHashOf } from './hash.ts';
import { agencyFromTitle, looksLikeAgency, parseSignature, reportYearOf } from './metadata.ts';
import { outlineOf } from './outline.ts';
import type { Attachment, ExtractedRecord } from './record.ts';

/** Below this many characters of body text, a report page's text is taken to be elsewhere. */
export const MIN_PAGE_TEXT = 200;

const READABLE = /\.(pdf|docx)$/i;

function readable(a: Attachment): boolean {
  let path = a.url;
  try {
    path = new URL(a.url).pathname;
  } catch {
    // keep the raw string
  }
  return READABLE.test(path) || READABLE.test(a.name.trim());
}

/**
 * The attachment to read the report's text from: only for a report whose page has (next to) no
 * text, the first PDF or DOCX, preferring one whose name says it is a report (附件1 may be a
 * table of figures and 附件2 the report).
 */
export function textAttachmentOf(record: ExtractedRecord): Attachment | null {
  if (!record.isReport || record.text.replace(/\s/g, '').length >= MIN_PAGE_TEXT) return null;
  const candidates = record.attachments.filter(readable);
  return candidates.find((a) => a.name.includes('报告')) ?? candidates[0] ?? null;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** How many leading lines repeat the title (documents open with it, often over two lines). */
export function titleLines(lines: string[], title: string | null): number {
  if (!title) return 0;
  const want = squash(title);
  let got = '';
  for (let i = 0; i < Math.min(lines.length, 3); i++) {
    got += squash(lines[i] as string);
    if (got === want) return i + 1;
    if (!want.startsWith(got)) return 0;
  }
  return 0;
}

/** A document's opening line read as its title when the page had none. */
function looksLikeTitle(line: string): boolean {
  return line.length >= 5 && line.length <= 80 && !/[。；;]/.test(line) && /(报告|情况)/.test(line);
}

/**
 * The record with the attachment's text: text, outline and content hash from the attachment;
 * title, reportYear, agency and publishedAt from it only where the page had none (the page's
 * meta tags and title block are the more trusted source). The record says where its text came
 * from (`textSource`, `textAttachment`, a reason).
 */
export function withAttachmentText(
  record: ExtractedRecord,
  got: AttachmentText,
  attachment: Attachment,
): ExtractedRecord {
  let lines = got.text.split('\n').filter((l) => l !== '');
  let title = record.title;
  let skip = titleLines(lines, title);
  if (!title && lines[0] && looksLikeTitle(lines[0])) {
    title = lines[0];
    skip = 1;
  }
  const docTitle = skip > 0 ? lines.slice(0, skip).join('') : null;
  lines = lines.slice(skip);
  const text = lines.join('\n');
  const signature = parseSignature(lines);
  const agency =
    record.agency ??
    signature.agency ??
    (docTitle ? agencyFromTitle(docTitle) : null) ??
    (record.source && looksLikeAgency(record.source) ? record.source : null);
  return {
    ...record,
    title,
    publishedAt: record.publishedAt ?? signature.date,
    agency,
    reportYear: record.reportYear ?? reportYearOf(docTitle, lines[0] ?? null),
    text,
    sections: outlineOf(lines),
    contentHash: contentHashOf(text),
    reasons: [
      ...record.reasons,
      `text: from the ${got.kind.toUpperCase()} attachment ${attachment.url} (${text.length} characters)`,
    ],
    textSource: 'attachment',
    textAttachment: { url: attachment.url, name: attachment.name, kind: got.kind },
  };
}

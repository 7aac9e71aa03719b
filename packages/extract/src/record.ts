// The record contract of ../shared/DESIGN.md: `govwatch extract` prints exactly these keys (and may add more).
// Declared once, as zod schemas: the store job's payload (@govwatch/jobs) and the export rows
// (@govwatch/db) are built from these, so the shape cannot drift between stages.
import { z } from 'zod';

export const Section = z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), heading: z.string() });
export type Section = z.infer<typeof Section>;
export const Attachment = z.object({ url: z.string(), name: z.string() });
export type Attachment = z.infer<typeof Attachment>;

export const PageKind = z.enum(['report', 'article', 'list', 'deleted', 'empty', 'challenge', 'notFound']);
export type PageKind = z.infer<typeof PageKind>;

/** page: the HTML body; attachment: a file the page points to; document: the report is itself a PDF/DOCX linked from a list. */
export const TextSource = z.enum(['page', 'attachment', 'document']);
export type TextSource = z.infer<typeof TextSource>;
export const TextAttachment = Attachment.extend({ kind: z.enum(['pdf', 'docx']) });
export type TextAttachment = z.infer<typeof TextAttachment>;

/** The contract keys of a record (DESIGN.md): extend, never rename. */
export const RecordContract = z.object({
  url: z.string(),
  isReport: z.boolean(),
  title: z.string().nullable(),
  /** YYYY-MM-DD */
  publishedAt: z.string().nullable(),
  source: z.string().nullable(),
  agency: z.string().nullable(),
  reportYear: z.number().int().nullable(),
  text: z.string(),
  sections: z.array(Section),
  attachments: z.array(Attachment),
  /** sha256 hex of normalized text */
  contentHash: z.string(),
});
export type RecordContract = z.infer<typeof RecordContract>;

/** What the extractor makes of a page: the contract keys and its extensions. */
export const ExtractedRecord = RecordContract.extend({
  pageKind: PageKind,
  reasons: z.array(z.string()),
  /**
   * Where `text` comes from: the page body, an attachment (the body only pointing to it), or the
   * document itself (a PDF/DOCX report linked straight from a list page).
   */
  textSource: TextSource,
  /** The file the text was read from, when textSource is 'attachment' or 'document'. */
  textAttachment: TextAttachment.optional(),
});
export type ExtractedRecord = z.infer<typeof ExtractedRecord>;

export type ExtractInput = {
  /** Raw response body. */
  bytes: Uint8Array;
  /** URL the page was fetched from (used for canonical url and resolving attachment links). */
  url: string;
  /** Content-Type header, if any (charset hint). */
  contentType?: string | null;
  /** Site-level encoding override (e.g. 'gbk'). */
  encoding?: string | null;
  /** Site-level title keywords deciding isReport (default ['法治政府建设']). */
  titleKeywords?: string[];
};

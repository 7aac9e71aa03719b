// The record contract of ../shared/DESIGN.md: `govwatch extract` prints exactly these keys (and may add more).
export type Section = { level: 1 | 2 | 3; heading: string };
export type Attachment = { url: string; name: string };

export type PageKind = 'report' | 'article' | 'list' | 'deleted' | 'empty' | 'challenge' | 'notFound';

export type ExtractedRecord = {
  url: string;
  isReport: boolean;
  title: string | null;
  publishedAt: string | null; // YYYY-MM-DD
  source: string | null;
  agency: string | null;
  reportYear: number | null;
  text: string;
  sections: Section[];
  attachments: Attachment[];
  contentHash: string; // sha256 hex of normalized text
  // Extensions beyond the contract.
  pageKind: PageKind;
  reasons: string[];
  /** Where `text` comes from: the page body, or (the body only pointing to it) an attachment. */
  textSource: TextSource;
  /** The attachment the text was read from, when textSource is 'attachment'. */
  textAttachment?: TextAttachment;
};

export type TextSource = 'page' | 'attachment';
export type TextAttachment = Attachment & { kind: 'pdf' | 'docx' };

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

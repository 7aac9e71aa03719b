// src/record.ts
import { z } from "zod";
var Section = z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), heading: z.string() });
var Attachment = z.object({ url: z.string(), name: z.string() });
var PageKind = z.enum(["report", "article", "list", "deleted", "empty", "challenge", "notFound"]);
var TextSource = z.enum(["page", "attachment"]);
var TextAttachment = Attachment.extend({ kind: z.enum(["pdf", "docx"]) });
var RecordContract = z.object({
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
  contentHash: z.string()
});
var ExtractedRecord = RecordContract.extend({
  pageKind: PageKind,
  reasons: z.array(z.string()),
  /** Where `text` comes from: the page body, or (the body only pointing to it) an attachment. */
  textSource: TextSource,
  /** The attachment the text was read from, when textSource is 'attachment'. */
  textAttachment: TextAttachment.optional()
});
export {
  Attachment,
  ExtractedRecord,
  PageKind,
  RecordContract,
  Section,
  TextAttachment,
  TextSource
};
//# sourceMappingURL=record.js.map

// src/attachment-text.ts
import { getDocumentProxy } from "unpdf";
import { normalizeLine } from "./render.js";
var MAX_PDF_PAGES = 300;
var MAX_ATTACHMENT_CHARS = 2e6;
var PDF_MAGIC = [37, 80, 68, 70, 45];
var ZIP_MAGIC = [80, 75, 3, 4];
function startsWith(bytes, sig, at = 0) {
  return sig.every((b, i) => bytes[at + i] === b);
}
function extensionOf(nameOrUrl) {
  let path = nameOrUrl;
  try {
    path = new URL(nameOrUrl).pathname;
  } catch {
  }
  const m = /\.([a-z0-9]{1,5})$/i.exec(path.trim());
  return m ? m[1].toLowerCase() : "";
}
function attachmentKind(bytes, nameOrUrl) {
  const head = Math.min(bytes.byteLength - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= head; i++) if (bytes[i] === 37 && startsWith(bytes, PDF_MAGIC, i)) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC)) {
    const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).toString("latin1");
    if (sample.includes("word/document.xml")) return "docx";
    return extensionOf(nameOrUrl) === "docx" ? "docx" : null;
  }
  return null;
}
async function attachmentText(bytes, nameOrUrl) {
  const kind = attachmentKind(bytes, nameOrUrl);
  if (kind === null) return null;
  const paragraphs = kind === "pdf" ? await pdfParagraphs(bytes) : await docxParagraphs(bytes);
  return { text: joinParagraphs(paragraphs), kind };
}
function joinParagraphs(paragraphs) {
  const out = [];
  let chars = 0;
  for (const p of paragraphs) {
    const line = normalizeLine(p);
    if (line === "") continue;
    if (chars + line.length > MAX_ATTACHMENT_CHARS) break;
    out.push(line);
    chars += line.length + 1;
  }
  return out.join("\n");
}
async function docxParagraphs(bytes) {
  const { default: mammoth } = await import("mammoth");
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return value.split(/\n/);
}
var PAGE_NUMBER = /^(?:[-—－–~\s]*\d{1,4}[-—－–~\s]*|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
var SENTENCE_END = /[。！？；：.!?;:”」』）)]$/;
var ASCII_WORD_END = /[A-Za-z0-9,.]$/;
var ASCII_WORD_START = /^[A-Za-z0-9(]/;
async function pdfParagraphs(bytes) {
  const doc = await getDocumentProxy(new Uint8Array(bytes), {
    // No font programs are evaluated as code (CVE-2024-4367 class of bugs); text needs none.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0
  });
  try {
    const paragraphs = [];
    let open = null;
    let openText = "";
    const close = () => {
      if (open) paragraphs.push(openText);
      open = null;
      openText = "";
    };
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const lines = pageLines(content.items).filter((l) => !PAGE_NUMBER.test(l.text.trim()));
      page.cleanup();
      if (lines.length === 0) continue;
      const left = Math.min(...lines.map((l) => l.left));
      const right = Math.max(...lines.map((l) => l.right));
      const indents = lines.some((l) => l.left > left + l.size * 0.8 || /^[\s\u3000]/.test(l.text));
      for (const line of lines) {
        const text = line.text.trim();
        if (text === "") continue;
        const prev = open;
        const continues = prev !== null && prev.right >= right - prev.size * 1.5 && // the previous line ran to the right margin…
        line.left <= left + line.size * 0.8 && // …this one starts at the left margin, unindented…
        !/^[\s\u3000]/.test(line.text) && !(SENTENCE_END.test(openText) && !indents);
        if (!continues) close();
        const glue = openText && ASCII_WORD_END.test(openText) && ASCII_WORD_START.test(text) ? " " : "";
        openText += glue + text;
        open = line;
      }
    }
    close();
    return paragraphs;
  } finally {
    await doc.destroy();
  }
}
function pageLines(items) {
  const lines = [];
  let cur = null;
  let lastY = null;
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const t = item.transform ?? [1, 0, 0, 1, 0, 0];
    const x = t[4] ?? 0;
    const y = t[5] ?? 0;
    const size = Math.abs(t[3] ?? 0) || Math.abs(t[0] ?? 0) || item.height || 10;
    if (cur && lastY !== null && Math.abs(y - lastY) > size * 0.5 && item.str.trim() !== "") {
      lines.push(cur);
      cur = null;
    }
    if (item.str !== "") {
      if (!cur) cur = { text: "", left: x, right: x, size };
      cur.text += item.str;
      if (item.str.trim() !== "") {
        cur.left = Math.min(cur.left, x);
        cur.right = Math.max(cur.right, x + (item.width ?? 0));
        cur.size = Math.max(cur.size, size);
      }
      lastY = y;
    }
    if (item.hasEOL && cur) {
      lines.push(cur);
      cur = null;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}
export {
  MAX_ATTACHMENT_CHARS,
  MAX_PDF_PAGES,
  attachmentKind,
  attachmentText
};
//# sourceMappingURL=attachment-text.js.map

// src/decode.ts
import { analyse } from "chardet";
import iconv from "iconv-lite";
var META_SCAN_BYTES = 8192;
var DETECT_SAMPLE_BYTES = 64 * 1024;
var CHARDET_SAMPLE_BYTES = 4096;
function normalizeCharset(label) {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, "");
  if (l === "") return null;
  if (l === "utf8" || l === "utf-8" || l === "unicode-1-1-utf-8") return "utf-8";
  if (["gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "gb_2312-80", "chinese"].includes(l)) return "gbk";
  if (l === "gb18030") return "gb18030";
  if (l === "big5" || l === "big5-hkscs" || l === "x-x-big5") return "big5";
  if (l === "utf-16" || l === "utf-16le") return "utf-16le";
  if (l === "utf-16be") return "utf-16be";
  if (l === "ascii" || l === "us-ascii") return "windows-1252";
  return iconv.encodingExists(l) ? l : null;
}
function iconvName(charset) {
  return charset === "gbk" ? "gb18030" : charset;
}
function charsetFromContentType(contentType) {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ?? null;
}
function charsetFromMeta(bytes) {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_SCAN_BYTES)).toString("latin1");
  const re = /<meta\b[^>]*>/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}
function bomCharset(bytes) {
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) return { charset: "utf-8", skip: 3 };
  if (bytes[0] === 255 && bytes[1] === 254) return { charset: "utf-16le", skip: 2 };
  if (bytes[0] === 254 && bytes[1] === 255) return { charset: "utf-16be", skip: 2 };
  if (bytes[0] === 132 && bytes[1] === 49 && bytes[2] === 149 && bytes[3] === 51) return { charset: "gb18030", skip: 4 };
  return null;
}
function nativeDecoder(label, fatal) {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}
var strictUtf8 = nativeDecoder("utf-8", true);
var strictGb18030 = nativeDecoder("gb18030", true);
var NATIVE = {
  "utf-8": nativeDecoder("utf-8", false),
  gbk: nativeDecoder("gb18030", false),
  gb18030: nativeDecoder("gb18030", false)
};
function strictUtf8Decode(bytes) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
function isValidGb18030(bytes) {
  if (!strictGb18030) return false;
  try {
    strictGb18030.decode(bytes.subarray(0, DETECT_SAMPLE_BYTES));
    return true;
  } catch {
    return false;
  }
}
function decodeAs(buf, charset) {
  const native = NATIVE[charset];
  return native ? native.decode(buf) : iconv.decode(buf, iconvName(charset));
}
function hasHighBytes(bytes) {
  const n = Math.min(bytes.byteLength, DETECT_SAMPLE_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] >= 128) return true;
  return false;
}
function detectNonUtf8(bytes) {
  if (isValidGb18030(bytes)) return "gbk";
  let first = 0;
  while (first < bytes.byteLength && bytes[first] < 128) first++;
  const sample = bytes.subarray(first, first + CHARDET_SAMPLE_BYTES);
  for (const match of analyse(sample)) {
    const name = normalizeCharset(match.name);
    if (name && name !== "utf-8" && !/^(iso-8859|windows-125)/.test(name)) return name;
  }
  return "gbk";
}
function decodeHtml(bytes, contentType, override) {
  if (bytes.byteLength === 0) return { html: "", encoding: "utf-8" };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const forced = normalizeCharset(override);
  if (forced) return { html: stripBom(decodeAs(buf, forced)), encoding: forced };
  const bom = bomCharset(bytes);
  if (bom) return { html: decodeAs(buf.subarray(bom.skip), bom.charset), encoding: bom.charset };
  const declared = normalizeCharset(charsetFromContentType(contentType)) ?? normalizeCharset(charsetFromMeta(bytes));
  const utf16 = declared === "utf-16le" || declared === "utf-16be";
  const effective = utf16 ? null : declared;
  if (!hasHighBytes(bytes)) {
    const encoding2 = effective ?? "utf-8";
    return { html: stripBom(decodeAs(buf, encoding2)), encoding: encoding2 };
  }
  const asUtf8 = strictUtf8Decode(bytes);
  if (asUtf8 !== null) return { html: stripBom(asUtf8), encoding: "utf-8" };
  const encoding = effective && effective !== "utf-8" && !/^(iso-8859|windows-125)/.test(effective) ? effective : detectNonUtf8(bytes);
  return { html: stripBom(decodeAs(buf, encoding)), encoding };
}
function stripBom(s) {
  return s.charCodeAt(0) === 65279 ? s.slice(1) : s;
}
export {
  charsetFromContentType,
  charsetFromMeta,
  decodeHtml,
  normalizeCharset
};
//# sourceMappingURL=decode.js.map

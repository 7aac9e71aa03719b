// src/document-write.ts
var SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
var CALL = /document\s*\.\s*write(?:ln)?\s*\(/g;
function expandDocumentWrite(html) {
  if (!html.includes("document.write")) return html;
  return html.replace(SCRIPT, (whole, attrs, code) => {
    if (/\bsrc\s*=/i.test(attrs) || !code.includes("document")) return whole;
    return writtenHtml(code) ?? whole;
  });
}
function writtenHtml(code) {
  let out = "";
  let calls = 0;
  CALL.lastIndex = 0;
  for (let m = CALL.exec(code); m; m = CALL.exec(code)) {
    const parsed = literalConcat(code, CALL.lastIndex);
    if (!parsed) return null;
    out += parsed.value;
    CALL.lastIndex = parsed.end;
    calls++;
  }
  return calls > 0 ? out : null;
}
function literalConcat(code, i) {
  let value = "";
  let expectLiteral = true;
  while (i < code.length) {
    const ch = code[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (expectLiteral && (ch === '"' || ch === "'" || ch === "`")) {
      const lit = stringLiteral(code, i);
      if (!lit) return null;
      value += lit.value;
      i = lit.end;
      expectLiteral = false;
    } else if (!expectLiteral && ch === "+") {
      expectLiteral = true;
      i++;
    } else if (!expectLiteral && ch === ")") {
      return { value, end: i + 1 };
    } else return null;
  }
  return null;
}
var ESCAPES = { n: "\n", t: "	", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0" };
function stringLiteral(code, start) {
  const quote = code[start];
  let value = "";
  for (let i = start + 1; i < code.length; i++) {
    const ch = code[i];
    if (ch === quote) return { value, end: i + 1 };
    if (quote === "`" && ch === "$" && code[i + 1] === "{") return null;
    if ((ch === "\n" || ch === "\r") && quote !== "`") return null;
    if (ch !== "\\") {
      value += ch;
      continue;
    }
    const next = code[++i] ?? "";
    if (next === "u" || next === "x") {
      const len = next === "u" ? 4 : 2;
      const hex = code.slice(i + 1, i + 1 + len);
      if (!/^[0-9a-f]+$/i.test(hex) || hex.length !== len) return null;
      value += String.fromCharCode(Number.parseInt(hex, 16));
      i += len;
    } else if (next === "\n") {
    } else value += ESCAPES[next] ?? next;
  }
  return null;
}
export {
  expandDocumentWrite
};
//# sourceMappingURL=document-write.js.map

// Old CMS templates write the article body with inline `document.write("<p>…</p>")`, which a
// browser runs while parsing. We run no script, but when every call writes string literals
// (joined with +) the written markup is known exactly: put it where the script stands. Calls
// with any other expression (a variable, a function call) are left alone.

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const CALL = /document\s*\.\s*write(?:ln)?\s*\(/g;

export function expandDocumentWrite(html: string): string {
  if (!html.includes('document.write')) return html;
  return html.replace(SCRIPT, (whole: string, attrs: string, code: string) => {
    if (/\bsrc\s*=/i.test(attrs) || !code.includes('document')) return whole;
    return writtenHtml(code) ?? whole;
  });
}

/** Markup written by the script's document.write calls, or null unless all are literals. */
function writtenHtml(code: string): string | null {
  let out = '';
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

/** 'a' + "b" + … up to the closing parenthesis, from `i`; null on anything else. */
function literalConcat(code: string, i: number): { value: string; end: number } | null {
  let value = '';
  let expectLiteral = true;
  while (i < code.length) {
    const ch = code[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (expectLiteral && (ch === '"' || ch === "'" || ch === '`')) {
      const lit = stringLiteral(code, i);
      if (!lit) return null;
      value += lit.value;
      i = lit.end;
      expectLiteral = false;
    } else if (!expectLiteral && ch === '+') {
      expectLiteral = true;
      i++;
    } else if (!expectLiteral && ch === ')') {
      return { value, end: i + 1 };
    } else return null;
  }
  return null;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

function stringLiteral(code: string, start: number): { value: string; end: number } | null {
  const quote = code[start] as string;
  let value = '';
  for (let i = start + 1; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === quote) return { value, end: i + 1 };
    // A template literal with a substitution is an expression, not a literal.
    if (quote === '`' && ch === '$' && code[i + 1] === '{') return null;
    if ((ch === '\n' || ch === '\r') && quote !== '`') return null;
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = code[++i] ?? '';
    if (next === 'u' || next === 'x') {
      const len = next === 'u' ? 4 : 2;
      const hex = code.slice(i + 1, i + 1 + len);
      if (!/^[0-9a-f]+$/i.test(hex) || hex.length !== len) return null;
      value += String.fromCharCode(Number.parseInt(hex, 16));
      i += len;
    } else if (next === '\n') {
      // line continuation
    } else value += ESCAPES[next] ?? next;
  }
  return null;
}

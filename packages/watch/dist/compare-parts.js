// src/compare-parts.ts
import { paragraphsByPart, REPORT_PARTS } from "./report-parts.js";
var REPEAT_MIN_SIMILARITY = 0.75;
function splitSentences(paragraph) {
  const out = [];
  for (const m of paragraph.matchAll(/[^。！？；!?;]+(?:[。！？；!?;]+[”’」』）)]*)?/g)) {
    const s = m[0].trim();
    if (s.replace(/[\p{P}\s]/gu, "").length >= 4) out.push(s);
  }
  return out;
}
var ENUMERATOR = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[是、]|\d+[.、．]|其[一二三四五六七八九十]是?[，,]?)/;
function sentenceCore(sentence) {
  return sentence.normalize("NFKC").replace(ENUMERATOR, "").replace(/\d{4}年度?/g, "").replace(/\d+(?:\.\d+)?/g, "#").replace(/[\p{P}\p{S}\s]/gu, "");
}
function bigrams(core) {
  const grams = /* @__PURE__ */ new Map();
  const chars = [...core];
  if (chars.length === 1) grams.set(core, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i]}${chars[i + 1]}`;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}
var verbatim = (s) => s.normalize("NFKC").replace(/\s+/g, "");
function similarity(a, b) {
  if (a === b) return 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : 2 * shared / total;
}
function compareSentences(before, after, part) {
  const a = before.map((s) => ({ s, core: sentenceCore(s), used: false }));
  const b = after.map((s) => ({ s, core: sentenceCore(s), match: null }));
  const take = (y, x, sim) => {
    x.used = true;
    y.match = { s: x.s, sim };
  };
  for (const y of b) {
    const same = a.find((x) => !x.used && x.core === y.core);
    if (same) take(y, same, 1);
  }
  for (const y of b) {
    if (y.match) continue;
    let best;
    let bestSim = REPEAT_MIN_SIMILARITY;
    for (const x of a) {
      if (x.used) continue;
      const sim = similarity(x.core, y.core);
      if (sim >= bestSim) {
        best = x;
        bestSim = sim;
      }
    }
    if (best) take(y, best, bestSim);
  }
  return {
    part,
    new: b.filter((y) => !y.match).map((y) => y.s),
    dropped: a.filter((x) => !x.used).map((x) => x.s),
    repeated: b.flatMap(
      (y) => y.match ? [{ before: y.match.s, after: y.s, similarity: Math.round(y.match.sim * 100) / 100, same: verbatim(y.match.s) === verbatim(y.s) }] : []
    )
  };
}
function sentencesByPart(sections) {
  const paragraphs = paragraphsByPart(sections);
  return Object.fromEntries(REPORT_PARTS.map((p) => [p, paragraphs[p].flatMap(splitSentences)]));
}
function compareReports(before, after) {
  const a = sentencesByPart(before);
  const b = sentencesByPart(after);
  return REPORT_PARTS.map((part) => compareSentences(a[part], b[part], part));
}
export {
  REPEAT_MIN_SIMILARITY,
  compareReports,
  compareSentences,
  sentenceCore,
  sentencesByPart,
  similarity,
  splitSentences
};
//# sourceMappingURL=compare-parts.js.map

// Year over year, part by part: which sentences of one report are new, which were dropped, which
// repeat. Chinese text has no spaces, so sentences end at full-width 。！？； (and their ASCII
// forms), and two sentences count as the same when, after dropping enumerators (一是, （一）), years
// and punctuation, their character bigrams overlap (Dice ≥ REPEAT_MIN_SIMILARITY): a sentence that
// only changed its figures (办理案件12件 → 15件) or its year repeats.
import { paragraphsByPart, REPORT_PARTS, type ReportPart, type TaggedSection } from './report-parts.ts';

export const REPEAT_MIN_SIMILARITY = 0.75;

/** Sentences of a paragraph, each with its closing punctuation; fragments under 4 characters dropped. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  for (const m of paragraph.matchAll(/[^。！？；!?;]+(?:[。！？；!?;]+[”’」』）)]*)?/g)) {
    const s = m[0].trim();
    if (s.replace(/[\p{P}\s]/gu, '').length >= 4) out.push(s);
  }
  return out;
}

const ENUMERATOR =
  /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[是、]|\d+[.、．]|其[一二三四五六七八九十]是?[，,]?)/;

/** What decides whether two sentences say the same: no enumerator, year, digits, punctuation or space. */
export function sentenceCore(sentence: string): string {
  return sentence
    .normalize('NFKC')
    .replace(ENUMERATOR, '')
    .replace(/\d{4}年度?/g, '')
    .replace(/\d+(?:\.\d+)?/g, '#')
    .replace(/[\p{P}\p{S}\s]/gu, '');
}

function bigrams(core: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...core];
  if (chars.length === 1) grams.set(core, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i]}${chars[i + 1]}`;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Text compared word for word: NFKC (full- and half-width punctuation alike), no whitespace. */
const verbatim = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Dice coefficient of the character-bigram multisets of two sentence cores (1: same). */
export function similarity(a: string, b: string): number {
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
  return total === 0 ? 0 : (2 * shared) / total;
}

/** A sentence both reports have: `same` when word for word (else figures, years or wording differ). */
export type Repeat = { before: string; after: string; similarity: number; same: boolean };
export type PartComparison = { part: ReportPart; new: string[]; dropped: string[]; repeated: Repeat[] };

/**
 * Compare two sentence lists: each later sentence takes its most similar unmatched earlier one
 * (exact cores first), if similar enough; what is left over is new (later) or dropped (earlier).
 */
export function compareSentences(before: string[], after: string[], part: ReportPart): PartComparison {
  const a = before.map((s) => ({ s, core: sentenceCore(s), used: false }));
  const b = after.map((s) => ({ s, core: sentenceCore(s), match: null as null | { s: string; sim: number } }));
  const take = (y: (typeof b)[number], x: (typeof a)[number], sim: number) => {
    x.used = true;
    y.match = { s: x.s, sim };
  };
  for (const y of b) {
    const same = a.find((x) => !x.used && x.core === y.core);
    if (same) take(y, same, 1);
  }
  for (const y of b) {
    if (y.match) continue;
    let best: (typeof a)[number] | undefined;
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
    repeated: b.flatMap((y) =>
      y.match
        ? [
            {
              before: y.match.s,
              after: y.s,
              similarity: Math.round(y.match.sim * 100) / 100,
              same: verbatim(y.match.s) === verbatim(y.s),
            },
          ]
        : [],
    ),
  };
}

/** Sentences per part of a tagged report. */
export function sentencesByPart(sections: TaggedSection[]): Record<ReportPart, string[]> {
  const paragraphs = paragraphsByPart(sections);
  return Object.fromEntries(REPORT_PARTS.map((p) => [p, paragraphs[p].flatMap(splitSentences)])) as Record<
    ReportPart,
    string[]
  >;
}

/** Part by part, what the later report says that the earlier did not, what it dropped, what it repeats. */
export function compareReports(before: TaggedSection[], after: TaggedSection[]): PartComparison[] {
  const a = sentencesByPart(before);
  const b = sentencesByPart(after);
  return REPORT_PARTS.map((part) => compareSentences(a[part], b[part], part));
}

// `govwatch diff --word`: what changed inside each paragraph, word by word. A line diff marks a
// whole paragraph of a Chinese report when two phrases in it changed; Chinese has no spaces, so
// words come from Intl.Segmenter (ICU's dictionary segmentation, built into Node).
import { diffArrays } from 'diff';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const words = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

export type WordDiffStyle = { del: (s: string) => string; ins: (s: string) => string };
/** git's --word-diff=plain markers: readable in a pipe, a file or a terminal without colour. */
export const plainStyle: WordDiffStyle = { del: (s) => `[-${s}-]`, ins: (s) => `{+${s}+}` };
export const colourStyle: WordDiffStyle = {
  del: (s) => `\x1b[31m[-${s}-]\x1b[0m`,
  ins: (s) => `\x1b[32m{+${s}+}\x1b[0m`,
};

/** One paragraph's change, inline: unchanged words as they are, removed and added ones marked. */
export function inlineWordDiff(older: string, newer: string, style: WordDiffStyle = plainStyle): string {
  return diffArrays(words(older), words(newer))
    .map((part) => {
      const text = part.value.join('');
      if (part.removed) return style.del(text);
      if (part.added) return style.ins(text);
      return text;
    })
    .join('');
}

/**
 * Paragraphs paired by a line diff; a removed run followed by an added one is shown word by word,
 * pair by pair; unchanged paragraphs are left out (only their count is said), so the output is the change.
 */
export function wordDiff(older: string, newer: string, style: WordDiffStyle = plainStyle): string {
  const out: string[] = [];
  const parts = diffArrays(older.split('\n'), newer.split('\n'));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part) continue;
    if (!part.added && !part.removed) {
      out.push(`  … ${part.value.length} unchanged paragraph(s)`);
      continue;
    }
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const n = Math.max(part.value.length, next.value.length);
      for (let k = 0; k < n; k++) out.push(`~ ${inlineWordDiff(part.value[k] ?? '', next.value[k] ?? '', style)}`);
      i++;
      continue;
    }
    for (const line of part.value) out.push(part.removed ? `- ${style.del(line)}` : `+ ${style.ins(line)}`);
  }
  return `${out.join('\n')}\n`;
}

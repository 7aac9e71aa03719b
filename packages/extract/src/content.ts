// Where the article body is: the CMS's own content container when the page has one, else the
// smallest element that holds nearly all of the page's prose (text with sentence punctuation
// outside links — the idea behind GNE's text/punctuation density, computed on line ranges).
import type { DomNode } from './dom.ts';
import { type Range, type Rendered, sumWeight } from './render.ts';

export type ContentMethod = 'comment-marker' | 'marker' | 'density' | 'whole';
export type ContentChoice = Range & { method: ContentMethod; el: DomNode | null };

// A marker container must hold a fair share of the prose; smaller ones are summaries or
// sidebars that reuse the class name.
const MARKER_MIN_SHARE = 0.3;
// Density descent steps into a child holding this share of its parent's prose.
const DENSITY_SHARE = 0.6;
// Below this much punctuated text the page has no body of its own.
const EMPTY_PAGE_PROSE = 200;

export function chooseContent(r: Rendered, root: DomNode): ContentChoice {
  const whole: ContentChoice = { start: 0, end: r.lines.length, method: 'whole', el: null };
  const total = sumWeight(r, whole);
  if (total <= 0 && r.contentMarkers.length === 0) return whole;

  let bestComment: Range | null = null;
  let bestCommentWeight = 0;
  for (const m of r.commentMarkers) {
    const w = sumWeight(r, m);
    if (w > bestCommentWeight) [bestComment, bestCommentWeight] = [m, w];
  }
  if (bestComment && bestCommentWeight >= MARKER_MIN_SHARE * total)
    return { ...bestComment, method: 'comment-marker', el: null };

  if (r.contentMarkers.length > 0) {
    const weighted = r.contentMarkers.map((m) => ({ m, w: sumWeight(r, m) }));
    const max = Math.max(...weighted.map((x) => x.w));
    // On a page with hardly any prose (the body only links to an attachment) the CMS container
    // is still the body, even when (nearly) empty: density would pick chrome instead.
    if (max >= MARKER_MIN_SHARE * total || total < EMPTY_PAGE_PROSE) {
      // Nested containers (#zoom > .TRS_Editor) carry the same prose: take the innermost.
      let pick = weighted.find((x) => x.w === max)?.m;
      for (const x of weighted)
        if (x.w >= 0.95 * max && x.m.end > x.m.start && pick && x.m.end - x.m.start < pick.end - pick.start) pick = x.m;
      if (pick) return { start: pick.start, end: pick.end, method: 'marker', el: pick.el };
    }
  }

  // Density descent from the root: step into the child holding most of this element's prose
  // while it holds a clear majority of it. Relative to the parent, not to the page, so a
  // sidebar of punctuated summaries next to the article does not stop the descent. A single
  // line is not stepped into unless it is nearly everything: one long paragraph of a news
  // item is not the item.
  let node = root;
  let range = r.ranges.get(root) ?? whole;
  let weight = total;
  for (;;) {
    let best: DomNode | null = null;
    let bestRange: Range | null = null;
    let bestWeight = 0;
    for (const child of node.children ?? []) {
      const cr = r.ranges.get(child);
      if (!cr) continue;
      const w = sumWeight(r, cr);
      if (w > bestWeight) [best, bestRange, bestWeight] = [child, cr, w];
    }
    if (!best || !bestRange || bestWeight < DENSITY_SHARE * weight) break;
    if (bestRange.end - bestRange.start < 2 && bestWeight < 0.95 * weight) break;
    node = best;
    range = bestRange;
    weight = bestWeight;
  }
  return { start: range.start, end: range.end, method: 'density', el: node === root ? null : node };
}

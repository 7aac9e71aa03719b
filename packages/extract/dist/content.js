// src/content.ts
import { sumWeight } from "./render.js";
var MARKER_MIN_SHARE = 0.3;
var DENSITY_SHARE = 0.6;
var EMPTY_PAGE_PROSE = 200;
function chooseContent(r, root) {
  const whole = { start: 0, end: r.lines.length, method: "whole", el: null };
  const total = sumWeight(r, whole);
  if (total <= 0 && r.contentMarkers.length === 0) return whole;
  let bestComment = null;
  let bestCommentWeight = 0;
  for (const m of r.commentMarkers) {
    const w = sumWeight(r, m);
    if (w > bestCommentWeight) [bestComment, bestCommentWeight] = [m, w];
  }
  if (bestComment && bestCommentWeight >= MARKER_MIN_SHARE * total) return { ...bestComment, method: "comment-marker", el: null };
  if (r.contentMarkers.length > 0) {
    const weighted = r.contentMarkers.map((m) => ({ m, w: sumWeight(r, m) }));
    const max = Math.max(...weighted.map((x) => x.w));
    if (max >= MARKER_MIN_SHARE * total || total < EMPTY_PAGE_PROSE) {
      let pick = weighted.find((x) => x.w === max)?.m;
      for (const x of weighted) if (x.w >= 0.95 * max && x.m.end > x.m.start && pick && x.m.end - x.m.start < pick.end - pick.start) pick = x.m;
      if (pick) return { start: pick.start, end: pick.end, method: "marker", el: pick.el };
    }
  }
  let node = root;
  let range = r.ranges.get(root) ?? whole;
  let weight = total;
  for (; ; ) {
    let best = null;
    let bestRange = null;
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
  return { start: range.start, end: range.end, method: "density", el: node === root ? null : node };
}
export {
  chooseContent
};
//# sourceMappingURL=content.js.map

// src/dom.ts
function isElement(node) {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}
function classAndId(node) {
  const a = node.attribs;
  if (!a) return "";
  const c = a.class ?? "";
  const i = a.id ?? "";
  return c && i ? `${c} ${i}` : c || i;
}
export {
  classAndId,
  isElement
};
//# sourceMappingURL=dom.js.map

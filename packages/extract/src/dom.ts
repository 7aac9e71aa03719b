// The slice of domhandler's node shape we use. domhandler is not a direct dependency, so the
// structure is declared here; htmlparser2's parseDocument tree has exactly these fields.
export type DomNode = {
  type: string; // 'root' | 'tag' | 'script' | 'style' | 'text' | 'comment' | 'directive' | 'cdata'
  parent: DomNode | null;
  children?: DomNode[];
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
};

export function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** class and id of an element, for hint matching. */
export function classAndId(node: DomNode): string {
  const a = node.attribs;
  if (!a) return '';
  const c = a.class ?? '';
  const i = a.id ?? '';
  return c && i ? `${c} ${i}` : c || i;
}

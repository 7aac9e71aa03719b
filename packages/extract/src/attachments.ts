// Links to report files (PDF, Word, WPS, Excel): absolute URL and a readable name.
import type { Attachment } from './record.ts';
import { type Anchor, isDocumentLink } from './render.ts';
import { resolveUrl } from './url.ts';

/** The last path segment of a file's URL, decoded: its name when the link has no text. */
export function fileNameOf(url: string): string {
  try {
    const path = new URL(url).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return url;
  }
}

/** Attachment links in document order, one per URL. */
export function attachmentsOf(anchors: Anchor[], base: string, inRange: (line: number) => boolean): Attachment[] {
  const seen = new Set<string>();
  const out: Attachment[] = [];
  for (const a of anchors) {
    if (!isDocumentLink(a.href) || !inRange(a.line)) continue;
    const url = resolveUrl(a.href, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ url, name: a.text || fileNameOf(url) });
  }
  return out;
}

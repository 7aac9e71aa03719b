// Minimal canonical URL: the store applies the full canonicalization (query order, index pages,
// tracking parameters); the extractor only does what can never change the page's identity.

/** Lower-case scheme and host (the URL parser does both), drop the fragment. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    return u.href;
  } catch {
    return url.trim();
  }
}

/** Resolve a link against the page URL; null when it cannot be made absolute. */
export function resolveUrl(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

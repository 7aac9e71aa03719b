// One spelling per page, so a report seen at /a/, /a/index.html and /a/index.html?from=timeline is
// one Page and one Report. Pure: no I/O, no lookups.
//
// Choices (each is a test in canonical-url.test.ts):
// - scheme and host lower-case, trailing dot of the host dropped, default ports dropped (WHATWG URL);
// - dot segments resolved, runs of slashes collapsed;
// - directory form wins: `/a/index.html`, `/a/index.htm`, `/a/index.shtml`, `/a/default.html` and `/a`
//   (a last segment without an extension) all become `/a/`; `/a/b.html` stays as it is;
// - fragment dropped; tracking and share parameters dropped (TRACKING_PARAMS, utm_*); the rest
//   sorted by name (then value, stable), percent-escapes upper-cased;
// - path case is kept: many government CMSs serve case-sensitive paths.

const INDEX_FILE = /^(index|default)\.(html?|shtml|jsp|php|aspx?)$/i;

/** Query parameters that say how a visitor arrived, never what the page is. */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'from',
  'spm',
  'isappinstalled',
  'scene',
  'clicktime',
  'enterid',
  'nsukey',
  'share_token',
  'sharer_sharetime',
  'sharer_shareid',
  'wxfrom',
  'wxshare_count',
  'wx_header',
  'fbclid',
  'gclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'yclid',
  '_hsenc',
  '_hsmi',
]);

const isTracking = (name: string): boolean => {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || key.startsWith('utm_');
};

const upperEscapes = (s: string): string => s.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());

function canonicalPath(pathname: string): string {
  let path = pathname.replace(/\/{2,}/g, '/');
  if (path === '') return '/';
  const slash = path.lastIndexOf('/');
  const last = path.slice(slash + 1);
  if (INDEX_FILE.test(last)) {
    path = path.slice(0, slash + 1);
  } else if (last !== '' && !last.includes('.')) {
    path = `${path}/`;
  }
  return upperEscapes(path);
}

/**
 * The canonical spelling of an absolute http(s) URL. Other schemes are only parsed and
 * re-serialized. Throws a TypeError for a string that is not an absolute URL.
 */
export function canonicalUrl(url: string): string {
  const u = new URL(url.trim());
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;

  if (u.hostname.endsWith('.')) u.hostname = u.hostname.replace(/\.+$/, '');
  u.hash = '';
  u.username = '';
  u.password = '';
  u.pathname = canonicalPath(u.pathname);

  const params = [...u.searchParams].filter(([name]) => !isTracking(name));
  params.sort(([a, va], [b, vb]) => (a < b ? -1 : a > b ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  u.search = params.length === 0 ? '' : new URLSearchParams(params).toString();

  return u.href;
}

// WAF challenge pages (Jiasule, Aliyun, Cloudflare-like): a script that sets a cookie and reloads,
// served in place of the page. Never content: the crawler retries them once in a browser.
const CHALLENGE = /__jsl_clearance|acw_sc__v2|Please enable JavaScript and cookies|请开启JavaScript并刷新该页/i;

export function isChallenge(body: Buffer): boolean {
  // Challenge pages are small and script-only; a long report that mentions a cookie name is not one.
  return (
    body.length < 30_000 && CHALLENGE.test(body.toString('latin1')) && !/<p[\s>][^<]{200,}/i.test(body.toString('utf8'))
  );
}

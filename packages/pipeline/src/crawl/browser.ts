// Debian's Chromium, as the machines here cannot download Playwright's browser builds.
// Playwright loads only when a page needs a browser: most sites never do.
import type { Browser, LaunchOptions, Page } from 'playwright';
import { assertPublicUrl } from '../fetch/ssrf.ts';

export type BrowserGuard = { allowPrivateNetwork: boolean; isAllowedHost(host: string): boolean };

/**
 * What the crawler's own client enforces, for everything a page loads: no request to a private
 * address (unless allowed), and no top-level navigation off the site (a script or redirect that
 * sends the page elsewhere is stopped; the page keeps what it had). Subresources on other public
 * hosts (CDN scripts a list needs) stay allowed.
 */
export async function guardPage(page: Page, guard: BrowserGuard): Promise<void> {
  await page.route('**/*', async (route) => {
    const request = route.request();
    let url: URL;
    try {
      url = new URL(request.url());
    } catch {
      return route.abort('blockedbyclient');
    }
    if (!/^https?:$/.test(url.protocol)) return route.continue();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && !guard.isAllowedHost(url.host)) {
      // 204 No Content cancels a navigation and keeps the current document (an abort would
      // replace it with the browser's error page).
      return route.fulfill({ status: 204 });
    }
    if (!guard.allowPrivateNetwork) {
      try {
        await assertPublicUrl(url);
      } catch {
        return route.abort('blockedbyclient');
      }
    }
    return route.continue();
  });
}

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function launchOptions(executablePath: string): LaunchOptions {
  return { executablePath, headless: true, args: BROWSER_ARGS };
}

/** One browser per crawl, launched only if a page needs it (a WAF challenge), closed at the end. */
export function lazyBrowser(executablePath: string) {
  let browser: Promise<Browser> | null = null;
  return {
    get: () =>
      (browser ??= import('playwright').then(({ chromium }) => chromium.launch(launchOptions(executablePath)))),
    async close() {
      if (browser) await (await browser).close().catch(() => undefined);
    },
  };
}

/** Load a page in a real browser (passing a JavaScript challenge) and return its final HTML. */
export async function renderInBrowser(
  browser: Browser,
  url: string,
  userAgent: string,
  guard: BrowserGuard,
  timeoutMs = 30_000,
): Promise<{ url: string; html: string }> {
  const context = await browser.newContext({ userAgent });
  try {
    const page = await context.newPage();
    await guardPage(page, guard);
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    // Challenge scripts set a cookie and reload: wait for the navigation to settle.
    await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined);
    return { url: page.url(), html: await page.content() };
  } finally {
    await context.close();
  }
}

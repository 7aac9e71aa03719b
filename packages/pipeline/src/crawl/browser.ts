// Debian's Chromium, as the machines here cannot download Playwright's browser builds.
// Playwright loads only when a page needs a browser: most sites never do.
import type { Browser, LaunchOptions } from 'playwright';

export const BROWSER_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
];

export function launchOptions(executablePath: string): LaunchOptions {
  return { executablePath, headless: true, args: BROWSER_ARGS };
}

/** One browser per crawl, launched only if a page needs it (a WAF challenge), closed at the end. */
export function lazyBrowser(executablePath: string) {
  let browser: Promise<Browser> | null = null;
  return {
    get: () => (browser ??= import('playwright').then(({ chromium }) => chromium.launch(launchOptions(executablePath)))),
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
  timeoutMs = 30_000,
): Promise<{ url: string; html: string }> {
  const context = await browser.newContext({ userAgent });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    // Challenge scripts set a cookie and reload: wait for the navigation to settle.
    await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined);
    return { url: page.url(), html: await page.content() };
  } finally {
    await context.close();
  }
}

// src/crawl/browser.ts
import { assertPublicUrl } from "../fetch/ssrf.js";
async function guardPage(page, guard) {
  await page.route("**/*", async (route) => {
    const request = route.request();
    let url;
    try {
      url = new URL(request.url());
    } catch {
      return route.abort("blockedbyclient");
    }
    if (!/^https?:$/.test(url.protocol)) return route.continue();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && !guard.isAllowedHost(url.host)) {
      return route.fulfill({ status: 204 });
    }
    if (!guard.allowPrivateNetwork) {
      try {
        await assertPublicUrl(url);
      } catch {
        return route.abort("blockedbyclient");
      }
    }
    return route.continue();
  });
}
var BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage"
];
function launchOptions(executablePath) {
  return { executablePath, headless: true, args: BROWSER_ARGS };
}
function lazyBrowser(executablePath) {
  let browser = null;
  return {
    get: () => browser ??= import("playwright").then(({ chromium }) => chromium.launch(launchOptions(executablePath))),
    async close() {
      if (browser) await (await browser).close().catch(() => void 0);
    }
  };
}
async function renderInBrowser(browser, url, userAgent, guard, timeoutMs = 3e4) {
  const context = await browser.newContext({ userAgent });
  try {
    const page = await context.newPage();
    await guardPage(page, guard);
    await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
    await page.waitForLoadState("networkidle", { timeout: timeoutMs }).catch(() => void 0);
    return { url: page.url(), html: await page.content() };
  } finally {
    await context.close();
  }
}
export {
  BROWSER_ARGS,
  guardPage,
  launchOptions,
  lazyBrowser,
  renderInBrowser
};
//# sourceMappingURL=browser.js.map

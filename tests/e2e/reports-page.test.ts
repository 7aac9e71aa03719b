// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locators, not DOM nodes: innerText is what a person sees.
// The reports page as a person uses it, in headless Chromium against the real API, PostgreSQL and
// Redis: the list, a search, a report, a diff of two versions, runs, sites, and a phone's width.
// Screenshots go to test-results/reports-page/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildApi } from '@govwatch/api-service';
import { createLogger, loadConfig } from '@govwatch/core';
import { createRuntime, type Runtime } from '@govwatch/pipeline';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportWorldSites, seedReportWorld } from '../api/report-world.ts';
import { repoRoot } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

const shots = join(repoRoot, 'test-results', 'reports-page');
const prefix = testPrefix();
let database: TestDatabase;
let rt: Runtime;
let app: Awaited<ReturnType<typeof buildApi>>;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  database = await createTestDatabase();
  rt = createRuntime(
    loadConfig({ REDIS_URL: redisUrl, DATABASE_URL: database.url, GOVWATCH_QUEUE_PREFIX: prefix }),
    createLogger('silent'),
  );
  await seedReportWorld(rt.db.prisma, { publishedAt: true });
  app = await buildApi(rt, reportWorldSites);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await rt?.close();
  await database?.drop();
  await dropPrefix(prefix);
});

const rowTitles = () => page.locator('table.list tbody td.title').allInnerTexts();

describe('reports page', () => {
  it('lists the newest reports first with agency, year, date and version', async () => {
    await page.goto(`${base}/`);
    expect(await page.title()).toContain('govwatch');
    expect(await rowTitles()).toEqual([
      '宜春市公安局2023年法治政府建设工作情况报告',
      '嘉定分局2023年法治政府建设情况报告',
      '宜春市公安局2022年法治政府建设工作情况报告',
    ]);
    const first = (await page.locator('table.list tbody tr').first().innerText()).replace(/\s+/g, ' ');
    expect(first).toContain('宜春市公安局 2023 2024-01-20 v2');
    await page.screenshot({ path: join(shots, '1-list.png'), fullPage: true });
  });

  it('searches with the box: 复议 finds the two reports that mention it', async () => {
    await page.getByRole('searchbox').fill('复议');
    await page.getByRole('button', { name: /搜索/ }).click();
    await page.waitForURL(/q=/);
    expect(await page.locator('h1').innerText()).toContain('复议');
    expect((await rowTitles()).sort()).toEqual(
      ['嘉定分局2023年法治政府建设情况报告', '宜春市公安局2022年法治政府建设工作情况报告'].sort(),
    );
    await page.screenshot({ path: join(shots, '2-search.png'), fullPage: true });
  });

  it('opens a report: outline, text and versions', async () => {
    await page.getByRole('searchbox').fill('全面完成');
    await page.getByRole('button', { name: /搜索/ }).click();
    await page.waitForURL(/q=/);
    expect(await rowTitles()).toEqual(['宜春市公安局2023年法治政府建设工作情况报告']);
    await page.getByRole('link', { name: '宜春市公安局2023年法治政府建设工作情况报告' }).click();
    await page.waitForURL(/\/ui\/reports\//);
    expect(await page.locator('h1').innerText()).toBe('宜春市公安局2023年法治政府建设工作情况报告');
    expect(await page.locator('.outline li').count()).toBeGreaterThan(0);
    expect(await page.locator('.text').innerText()).toContain('全面完成各项任务目标');
    expect(await page.locator('table.list tbody tr').count()).toBe(2); // two versions
    await page.screenshot({ path: join(shots, '3-report.png'), fullPage: true });
  });

  it('shows the diff between two versions', async () => {
    await page.getByRole('combobox', { name: 'from' }).selectOption('1');
    await page.getByRole('combobox', { name: 'to' }).selectOption('2');
    await page.getByRole('button', { name: /差异/ }).click();
    await page.waitForURL(/\/diff\?/);
    expect(await page.locator('h1').innerText()).toBe('v1 → v2');
    const added = await page.locator('.diff .add').allInnerTexts();
    const removed = await page.locator('.diff .del').allInnerTexts();
    expect(added.some((t) => t.includes('附:2023年度执法数据统计表。'))).toBe(true);
    expect(added.some((t) => t.includes('全面完成各项任务目标'))).toBe(true);
    expect(removed.some((t) => t.includes('圆满完成各项任务目标'))).toBe(true);
    await page.screenshot({ path: join(shots, '4-diff.png'), fullPage: true });
  });

  it('has a runs page and a sites page', async () => {
    await page.getByRole('link', { name: /运行 Runs/ }).click();
    await page.waitForURL(/\/ui\/runs/);
    expect(await page.locator('table.list').first().innerText()).toContain('ycgaj');
    await page.screenshot({ path: join(shots, '5-runs.png'), fullPage: true });
    await page.getByRole('link', { name: /站点 Sites/ }).click();
    await page.waitForURL(/\/ui\/sites/);
    const sitesText = (await page.locator('table.list').innerText()).replace(/\s+/g, ' ');
    expect(sitesText).toContain('宜春市公安局 ycgaj http 0 2 * * * 2');
    await page.screenshot({ path: join(shots, '6-sites.png'), fullPage: true });
  });

  it('is readable on a phone: no sideways scrolling, each report a block', async () => {
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
    });
    try {
      await phone.goto(`${base}/`);
      const widths = await phone.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        view: window.innerWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.view);
      expect(await phone.locator('table.list thead').isVisible()).toBe(false);
      expect(await phone.locator('td.title').first().isVisible()).toBe(true);
      await phone.screenshot({ path: join(shots, '7-phone-list.png'), fullPage: true });
      await phone.locator('td.title a').first().click();
      await phone.waitForURL(/\/ui\/reports\//);
      const w = await phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(w.scroll).toBeLessThanOrEqual(w.view);
      await phone.screenshot({ path: join(shots, '8-phone-report.png') });
    } finally {
      await phone.close();
    }
  });
});

// An endless calendar (month pages linking the next and the previous month for ever) and an
// endless pager (empty pages linking ?page=N+1 for ever) end long before maxPages: a chain of list
// pages of one URL pattern that finds no new report is followed the site's endlessListLimit pages
// (default 20), the run's summary says where it stopped, and every report the lists do hold is
// found. A long pager that does end, with a report far behind its news, is followed to that report
// by a site whose endlessListLimit is raised.
import {
  CALENDAR_REPORT_MONTHS,
  type HostileSite,
  LONG_PAGER_LATE_PAGE,
  LONG_PAGER_PAGES,
  PAGER_REPORT_PAGES,
  startHostileSite,
} from '@govwatch/fixture-site';
import { parseSites } from '@govwatch/sites';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPrefix, testPrefix } from '../helpers/test-queues.ts';
import { crawlOnce } from './crawl-harness.ts';

const prefix = testPrefix();
let hostile: HostileSite;

beforeAll(async () => {
  hostile = await startHostileSite();
});
afterAll(async () => {
  await hostile?.close();
  await dropPrefix(prefix);
});

const REPEAT_LIMIT = 20; // endlessListLimit's default

const siteOf = (id: string, defaults: Record<string, unknown> = {}) => {
  const site = parseSites(hostile.siteYaml(defaults), 'hostile.yaml').find((s) => s.id === id);
  if (!site) throw new Error(`no site ${id}`);
  return site;
};

describe('endless lists', () => {
  it('an endless calendar: its reports found, then endlessListLimit (20) empty months each way, and a warning', async () => {
    hostile.clearHits();
    const site = siteOf('endless-calendar');
    expect(site.endlessListLimit).toBe(REPEAT_LIMIT);
    const { pages, stats } = await crawlOnce(site, prefix);
    expect(pages).toHaveLength(CALENDAR_REPORT_MONTHS);
    const months = hostile.hits.filter((h) => /^\/calendar\/\d{4}\/\d{2}\/$/.test(h));
    // The months with reports, then REPEAT_LIMIT + 1 empty ones forward and backward (maxPages is 2000).
    expect(months).toHaveLength(CALENDAR_REPORT_MONTHS + 2 * (REPEAT_LIMIT + 1));
    expect(stats.warnings).toContainEqual(expect.stringMatching(/^not following .*\/calendar\/#\/#\/ further/));
    // Cut where nothing was found: the crawl still knows every report of the site.
    expect(stats.discoveryComplete).toBe(true);
  });

  it('an endless pager: its reports found, then endlessListLimit (20) empty pages, and a warning', async () => {
    hostile.clearHits();
    const { pages, stats } = await crawlOnce(siteOf('endless-pager'), prefix);
    expect(pages).toHaveLength(PAGER_REPORT_PAGES * 5);
    expect(hostile.hits.filter((h) => h.startsWith('/pager/list'))).toHaveLength(PAGER_REPORT_PAGES + REPEAT_LIMIT + 1);
    expect(stats.warnings).toContainEqual(expect.stringMatching(/^not following .*\/pager\/list\?page=# further/));
  });

  const longPagerReports = (pages: Array<{ url: string }>) => pages.map((p) => new URL(p.url).pathname).sort();
  const longPagerLists = () => hostile.hits.filter((h) => h.startsWith('/longpager/list'));

  it('a long pager with a report 28 pages of news behind the first: left after 20 by default', async () => {
    hostile.clearHits();
    const { pages, stats } = await crawlOnce(siteOf('long-pager'), prefix);
    expect(longPagerReports(pages)).toEqual(['/longpager/r/1.html']);
    // Page 1 found a report; pages 2 to 22 none: the 21st such link is not followed.
    expect(longPagerLists()).toHaveLength(1 + REPEAT_LIMIT + 1);
    expect(stats.warnings).toContainEqual(
      expect.stringMatching(/^not following .*\/longpager\/list\?page=# further: 20 list pages .*endlessListLimit/),
    );
  });

  it('a long pager followed to its late report and its end by a site with endlessListLimit: 30', async () => {
    hostile.clearHits();
    const site = siteOf('long-pager', { endlessListLimit: 30 });
    expect(site.endlessListLimit).toBe(30);
    const { pages, stats } = await crawlOnce(site, prefix);
    expect(longPagerReports(pages)).toEqual(['/longpager/r/1.html', `/longpager/r/${LONG_PAGER_LATE_PAGE}.html`]);
    expect(longPagerLists()).toHaveLength(LONG_PAGER_PAGES);
    expect(stats.warnings.filter((w) => w.startsWith('not following'))).toEqual([]);
  });
});

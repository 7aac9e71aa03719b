// An endless calendar (month pages linking the next and the previous month for ever) and an
// endless pager (empty pages linking ?page=N+1 for ever) end long before maxPages: a chain of list
// pages of one URL pattern that finds no new report is followed REPEAT_LIMIT pages, the run's
// summary says where it stopped, and every report the lists do hold is found.
import { CALENDAR_REPORT_MONTHS, type HostileSite, PAGER_REPORT_PAGES, startHostileSite } from '@govwatch/fixture-site';
import { parseSites } from '@govwatch/sites';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPEAT_LIMIT } from '../../packages/pipeline/src/crawl/url-patterns.ts';
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

const siteOf = (id: string) => {
  const site = parseSites(hostile.siteYaml(), 'hostile.yaml').find((s) => s.id === id);
  if (!site) throw new Error(`no site ${id}`);
  return site;
};

describe('endless lists', () => {
  it('an endless calendar: its reports found, then REPEAT_LIMIT empty months each way, and a warning', async () => {
    hostile.clearHits();
    const { pages, stats } = await crawlOnce(siteOf('endless-calendar'), prefix);
    expect(pages).toHaveLength(CALENDAR_REPORT_MONTHS);
    const months = hostile.hits.filter((h) => /^\/calendar\/\d{4}\/\d{2}\/$/.test(h));
    // The months with reports, then REPEAT_LIMIT + 1 empty ones forward and backward (maxPages is 2000).
    expect(months).toHaveLength(CALENDAR_REPORT_MONTHS + 2 * (REPEAT_LIMIT + 1));
    expect(stats.warnings).toContainEqual(expect.stringMatching(/^not following .*\/calendar\/#\/#\/ further/));
    // Cut where nothing was found: the crawl still knows every report of the site.
    expect(stats.discoveryComplete).toBe(true);
  });

  it('an endless pager: its reports found, then REPEAT_LIMIT empty pages, and a warning', async () => {
    hostile.clearHits();
    const { pages, stats } = await crawlOnce(siteOf('endless-pager'), prefix);
    expect(pages).toHaveLength(PAGER_REPORT_PAGES * 5);
    expect(hostile.hits.filter((h) => h.startsWith('/pager/list'))).toHaveLength(PAGER_REPORT_PAGES + REPEAT_LIMIT + 1);
    expect(stats.warnings).toContainEqual(expect.stringMatching(/^not following .*\/pager\/list\?page=# further/));
  });
});

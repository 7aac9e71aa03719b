// The publication watch end to end, against the real PostgreSQL and Redis: two fixture sites are
// crawled through the pipeline (crawl → extract → store, the store worker linking each report to
// its agency); one agency publishes before the deadline (two years running), one after it, one
// never, and one nobody declared turns up on a report. The clock is the test's: `--at` for the
// table, `now` for the deadline check.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApi } from '@govwatch/api-service';
import { createLogger, loadConfig } from '@govwatch/core';
import { checkDeadlines, createDb, type Db } from '@govwatch/db';
import { parsePayload } from '@govwatch/jobs';
import {
  createRuntime,
  type Runtime,
  relayOnce,
  startWorker,
  syncSchedules,
  WATCH_SCHEDULER_KEY,
} from '@govwatch/pipeline';
import { parseSites } from '@govwatch/sites';
import { latestDueYear, type WatchTable } from '@govwatch/watch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';
import { startWatchFixture, type WatchFixture } from './watch-fixture.ts';

let fixture: WatchFixture;
let database: TestDatabase;
let db: Db;
let env: Record<string, string>;
let sitesFile: string;
const prefix = testPrefix();

const JIADING_POLICE = '上海市公安局嘉定分局';
const MARKET = '上海市嘉定区市场监督管理局';
const JUSTICE = '上海市嘉定区司法局';
const BINHAI_POLICE = '天津市滨海新区公安局';

async function watch(at: string, ...extra: string[]): Promise<WatchTable> {
  const r = await runCli(['watch', '--year', '2023', '--at', at, '--format', 'json', ...extra], env);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as WatchTable;
}

const statuses = (t: WatchTable) => Object.fromEntries(t.rows.map((r) => [r.agency, [r.status, r.daysBefore]]));

async function events2023() {
  const rows = await db.prisma.event.findMany({
    where: { type: { in: ['report.overdue', 'report.found_late'] } },
    orderBy: { id: 'asc' },
  });
  return rows
    .map((e) => ({ type: e.type, reportId: e.reportId, payload: e.payload as Record<string, unknown> }))
    .filter((e) => e.payload.reportYear === 2023);
}

beforeAll(async () => {
  fixture = await startWatchFixture();
  database = await createTestDatabase();
  db = createDb(database.url);
  sitesFile = join(mkdtempSync(join(tmpdir(), 'govwatch-watch-')), 'sites.yaml');
  writeFileSync(sitesFile, fixture.siteYaml());
  env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, GOVWATCH_QUEUE_PREFIX: prefix, GOVWATCH_SITES: sitesFile };
  for (const site of ['watch-jiading', 'watch-binhai']) {
    const r = await runCli(['crawl', '--site', site, '--wait'], env);
    expect(r.code, r.stderr).toBe(0);
  }
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
  await fixture?.close();
  await dropPrefix(prefix);
});

describe('agencies', () => {
  it('links each stored report to its agency: declared ones by any of their names, undeclared ones listed for review', async () => {
    const reports = await db.prisma.report.findMany({
      include: { agencyRecord: true },
      orderBy: { publishedAt: 'asc' },
    });
    expect(reports.map((r) => [r.title, r.agencyRecord?.name])).toEqual([
      ['嘉定公安分局2022年法治政府建设情况', JIADING_POLICE],
      ['天津市滨海新区公安局2023年法治政府建设情况报告', BINHAI_POLICE],
      ['嘉定公安分局2023年法治政府建设情况', JIADING_POLICE],
    ]);
    const agencies = await db.prisma.agency.findMany({ orderBy: { name: 'asc' } });
    expect(agencies.map((a) => [a.name, a.level, a.declared, a.needsReview, a.siteIds])).toEqual(
      expect.arrayContaining([
        [JIADING_POLICE, 'district', true, false, ['watch-jiading']],
        [MARKET, 'district', true, false, ['watch-jiading']],
        [JUSTICE, 'district', true, false, ['watch-jiading']],
        [BINHAI_POLICE, 'district', false, true, ['watch-binhai']],
      ]),
    );
    expect(agencies).toHaveLength(4);
    expect(agencies.find((a) => a.name === JUSTICE)?.aliases).toEqual(['嘉定区司法局']);
  });
});

describe('watch table and deadline events, with the clock moving', () => {
  it('before the deadline: on time, or missing with days left; no 2023 event', async () => {
    const t = await watch('2024-03-30');
    expect(statuses(t)).toEqual({
      [BINHAI_POLICE]: ['onTime', 27],
      [MARKET]: ['missing', 2],
      [JIADING_POLICE]: ['onTime', 10],
      [JUSTICE]: ['missing', 2],
    });
    expect(t.totals).toEqual({ agencies: 4, onTime: 2, late: 0, missing: 2, overdue: 0 });
    const police = t.rows.find((r) => r.agency === JIADING_POLICE);
    expect(police?.report).toMatchObject({
      title: '嘉定公安分局2023年法治政府建设情况',
      publishedAt: '2024-03-22',
      judgedBy: 'publishedAt',
    });
    expect(police?.report?.url).toBe(`${fixture.origin}/jiading/t20240322_2.html`);
    await checkDeadlines(db.prisma, new Date('2024-03-30T12:00:00+08:00'));
    expect(await events2023()).toEqual([]);
  });

  it('the day after the deadline: report.overdue for each agency without a report, once', async () => {
    const now = new Date('2024-04-02T06:30:00+08:00');
    const first = await checkDeadlines(db.prisma, now);
    const again = await checkDeadlines(db.prisma, now);
    expect(again.overdue).toBe(0);
    const events = await events2023();
    expect(events.map((e) => [e.type, e.payload.agency, e.reportId])).toEqual([
      ['report.overdue', MARKET, null],
      ['report.overdue', JUSTICE, null],
    ]);
    expect(events[0]?.payload).toMatchObject({ deadline: '2024-04-01', daysOverdue: 1, siteId: 'watch-jiading' });
    expect(first.overdue).toBeGreaterThanOrEqual(2);
    const t = await watch('2024-04-02');
    expect(t.totals).toEqual({ agencies: 4, onTime: 2, late: 0, missing: 2, overdue: 2 });
  });

  it('a report that appears after the deadline: report.found_late when it is stored, and the table shows it late', async () => {
    fixture.publishLate();
    const r = await runCli(['crawl', '--site', 'watch-jiading', '--wait'], env);
    expect(r.code, r.stderr).toBe(0);
    const late = await events2023().then((es) => es.filter((e) => e.type === 'report.found_late'));
    expect(late).toHaveLength(1);
    expect(late[0]?.payload).toMatchObject({
      agency: MARKET,
      publishedOn: '2024-06-10',
      daysLate: 70,
      deadline: '2024-04-01',
      reportYear: 2023,
    });
    expect(late[0]?.reportId).toEqual(expect.any(String));
    // The daily check later finds nothing more to say.
    expect(await checkDeadlines(db.prisma, new Date('2024-07-01T06:30:00+08:00'), { year: 2023 })).toMatchObject({
      overdue: 0,
      foundLate: 0,
    });

    const t = await watch('2024-07-01');
    expect(statuses(t)).toEqual({
      [BINHAI_POLICE]: ['onTime', 27],
      [MARKET]: ['late', -70],
      [JIADING_POLICE]: ['onTime', 10],
      [JUSTICE]: ['overdue', -91],
    });
    expect(t.totals).toEqual({ agencies: 4, onTime: 2, late: 1, missing: 1, overdue: 1 });
    // As of a day before it went up, the late report does not exist yet.
    expect(statuses(await watch('2024-04-10'))[MARKET]).toEqual(['overdue', -9]);
  });

  it('prints the table with totals, and CSV; --site narrows to one site', async () => {
    const table = await runCli(['watch', '--year', '2023', '--at', '2024-07-01'], env);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe('publication watch: reports on 2023, as of 2024-07-01 (Asia/Shanghai)');
    expect(lines.find((l) => l.startsWith(JUSTICE))).toMatch(
      /district\s+2024-04-01\s+OVERDUE, 91 days past\s+-\s+-\s+-$/,
    );
    expect(lines.find((l) => l.startsWith(MARKET))).toMatch(
      /LATE, 70 days after\s+2024-06-10\s+\d{4}-\d\d-\d\d\s+上海市嘉定区市场监督管理局2023年度/,
    );
    expect(lines.find((l) => l.startsWith(BINHAI_POLICE))).toContain('(review)');
    expect(table.stdout).toContain('4 agencies: 2 published on time, 1 late, 1 missing (1 overdue)');

    const csv = await runCli(
      ['watch', '--year', '2023', '--at', '2024-07-01', '--format', 'csv', '--site', 'watch-binhai'],
      env,
    );
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe(
      'year,agencyId,agency,level,siteIds,declared,needsReview,deadline,status,daysBefore,title,url,publishedAt,publishedOn,judgedBy,firstSeenAt,reportId',
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`2023,`);
    expect(rows[1]).toContain(`,${BINHAI_POLICE},district,watch-binhai,false,true,2024-04-01,onTime,27,`);

    const bad = await runCli(['watch', '--site', 'nope'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no site with id nope/);
  });
});

describe('events reach downstream like the others', () => {
  let receiver: Server;
  const hits: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  let rt: Runtime;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    rt = createRuntime(
      loadConfig({ ...env, GOVWATCH_WEBHOOKS: url, GOVWATCH_WEBHOOK_SECRET: 's', GOVWATCH_WEBHOOK_BACKOFF_MS: '100' }),
      createLogger('silent'),
    );
  });

  afterAll(async () => {
    await rt?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('export --after lists them; the relay queues them and webhooks deliver them', async () => {
    const exported = await runCli(['export', '--after', '0'], env);
    const types = exported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; reportId: string | null });
    expect(types.filter((e) => e.type === 'report.found_late')).toHaveLength(1);
    expect(types.filter((e) => e.type === 'report.overdue' && e.reportId === null).length).toBeGreaterThanOrEqual(2);

    while ((await relayOnce(rt)) > 0);
    const queued = await rt.queues.events.getJobs(['waiting']);
    for (const job of queued.filter((j) => j.name.startsWith('report.overdue') || j.name === 'report.found_late')) {
      // The queued job is a valid event job of the catalog (null reportId included).
      expect(() => parsePayload('events', job.data)).not.toThrow();
    }
    const worker = startWorker('webhooks', rt);
    try {
      const deadline = Date.now() + 30_000;
      const kinds = () => new Set(hits.map((h) => String(h.headers['x-govwatch-event'])));
      while (!(kinds().has('report.overdue') && kinds().has('report.found_late')) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect([...kinds()]).toEqual(expect.arrayContaining(['report.overdue', 'report.found_late']));
      const overdue = hits.find((h) => h.headers['x-govwatch-event'] === 'report.overdue');
      expect(JSON.parse(overdue?.body ?? '{}')).toMatchObject({
        type: 'report.overdue',
        reportId: null,
        payload: { agency: expect.any(String) },
      });
    } finally {
      await worker.close();
    }
  });

  it('the daily check is a job scheduler beside the crawl schedules, and its job writes the events due', async () => {
    const sites = parseSites(fixture.siteYaml(), 'sites.yaml');
    await syncSchedules(rt, sites);
    const schedulers = await rt.queues.store.getJobSchedulers();
    expect(schedulers.find((s) => s.key === WATCH_SCHEDULER_KEY)).toMatchObject({
      pattern: '30 6 * * *',
      tz: 'Asia/Shanghai',
    });
    expect((await rt.queues.crawl.getJobSchedulers()).map((s) => s.key).sort()).toEqual([
      'site-watch-binhai',
      'site-watch-jiading',
    ]);
    await rt.queues.store.removeJobScheduler(WATCH_SCHEDULER_KEY);

    // What the scheduler fires, run by a store worker at the real time: the latest due year is
    // past 2023, and no agency published for it, so each gets one report.overdue.
    const dueYear = latestDueYear(new Date());
    const worker = startWorker('store', rt);
    try {
      await rt.queues.store.add('watchCheck', { kind: 'watchCheck' });
      const deadline = Date.now() + 30_000;
      const count = () =>
        db.prisma.event.count({
          where: { type: 'report.overdue', payload: { path: ['reportYear'], equals: dueYear } },
        });
      while ((await count()) < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await count()).toBe(4);
    } finally {
      await worker.close();
    }
  });
});

describe('govwatch compare', () => {
  it('prints part by part what the 2023 report says anew, dropped and repeats, by any name of the agency', async () => {
    const r = await runCli(['compare', '嘉定公安分局', '--years', '2022', '2023'], env);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out.split('\n')[0]).toBe(`${JIADING_POLICE}: 2022 → 2023`);
    const section = (label: string) => out.slice(out.indexOf(`== ${label}`)).split('\n\n')[0] ?? '';
    const achievements = section('主要成效/工作情况');
    // 2023 has the 放管服 work area (heading and 3 sentences) that 2022 lacks; 2022's 执法规范化 area
    // (heading and 2 sentences) is gone.
    expect(achievements).toMatch(/^== 主要成效\/工作情况 \(achievements\): 4 new, 3 dropped, 9 repeated/);
    expect(achievements).toContain('+ 持续深化公安服务“一网通办”');
    expect(achievements).toContain('- (四)推进执法规范化建设');
    expect(achievements).toContain('- 全年组织执法培训12期，培训民警800余人次。');
    expect(achievements).toContain('= (二)从严打击违法犯罪,用法治力量和手段守护人民美好生活');
    expect(achievements).toMatch(/≈ .*排查整改12类交通设施隐患9000余处.*was: .*排查整改10类交通设施隐患7000余处/);
    const problems = section('存在的问题/不足');
    expect(problems).toMatch(/: \d+ new, 0 dropped, \d+ repeated/);
    expect(problems).toContain('+ 二是执法办案中的证据意识和程序意识还比较薄弱。');
    expect(section('下一步/工作安排')).toMatch(/: 0 new, 0 dropped, \d+ repeated/);

    const json = await runCli(['compare', JIADING_POLICE, '--years', '2022', '2023', '--format', 'json'], env);
    const parsed = JSON.parse(json.stdout) as { parts: Array<{ part: string; new: string[]; dropped: string[] }> };
    expect(parsed.parts.map((p) => p.part)).toEqual(['achievements', 'leadership', 'problems', 'nextSteps']);

    const missing = await runCli(['compare', JUSTICE, '--years', '2022', '2023'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/上海市嘉定区司法局 has no report for 2022 stored/);
  });
});

describe('the publication watch over HTTP', () => {
  let rt: Runtime;
  let app: Awaited<ReturnType<typeof buildApi>>;

  beforeAll(async () => {
    rt = createRuntime(loadConfig(env), createLogger('silent'));
    app = await buildApi(rt, parseSites(fixture.siteYaml(), 'sites.yaml'));
  });

  afterAll(async () => {
    await app?.close();
    await rt?.close();
  });

  it('GET /watch answers the same table as govwatch watch, and the watch page shows it', async () => {
    const cli = await watch('2024-07-01');
    const res = await app.inject({ method: 'GET', url: '/watch?year=2023&at=2024-07-01' });
    expect(res.statusCode).toBe(200);
    const api = res.json() as WatchTable;
    expect(api.totals).toEqual(cli.totals);
    expect(api.rows.map((r) => [r.agency, r.status, r.report?.url ?? null])).toEqual(
      cli.rows.map((r) => [r.agency, r.status, r.report?.url ?? null]),
    );
    expect(api.totals).toMatchObject({ onTime: 2, late: 1, missing: 1, overdue: 1 });

    const bad = await app.inject({ method: 'GET', url: '/watch?year=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: expect.any(String) } });

    const page = await app.inject({ method: 'GET', url: '/ui/watch?year=2023&at=2024-07-01' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(JUSTICE);
    expect(page.body).toContain('未发布且已逾期 overdue');
    expect(page.body).toContain('4 agencies: 2 on time, 1 late, 1 missing (1 overdue)');
  });

  it('GET /watch/compare answers part by part; an agency without a report of a year is 404', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/watch/compare?agency=${encodeURIComponent('嘉定公安分局')}&from=2022&to=2023`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { parts: Array<{ part: string; new: string[] }> };
    expect(body.parts.map((p) => p.part)).toEqual(['achievements', 'leadership', 'problems', 'nextSteps']);
    expect(body.parts[0]?.new.some((s) => s.includes('持续深化公安服务“一网通办”'))).toBe(true);
    const missing = await app.inject({
      method: 'GET',
      url: `/watch/compare?agency=${encodeURIComponent(JUSTICE)}&from=2022&to=2023`,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      error: { code: 'not_found', message: expect.stringContaining('has no report for 2022') },
    });
  });
});

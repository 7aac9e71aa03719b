// `govwatch export --format warc --site ID`: the archived raw snapshots as a WARC 1.1 file, read
// back with a standard WARC reader (warcio's WARCParser): URIs, payload bytes, digests, links.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createDb, type Db, storePage } from '@govwatch/db';
import type { StoreRecordJob } from '@govwatch/jobs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARCParser, type WARCRecord } from 'warcio';
import { cliArgv, repoRoot, runCli, userEnv } from './helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { redisUrl } from './helpers/test-queues.ts';
import { recordJob, seedSiteAndRuns } from './store-helpers.ts';
import { JIADING_2023, YICHUN_2022, YICHUN_2023 } from './store-texts.ts';

const SITE = 'ycgaj';
const U1 = 'http://www.ycgaj.gov.cn/fzzfjs/2024/t1.html?id=7';
const U2 = 'http://www.ycgaj.gov.cn/fzzfjs/2023/t2.html';

let database: TestDatabase;
let db: Db;
let dir: string;
let env: Record<string, string>;
/** url → raw bytes of every snapshot the site's WARC must hold. */
const expected: Array<{ url: string; bytes: Buffer; sha256: string }> = [];

/** A GBK page, as many government CMSs still serve them. */
function gbkJob(runId: string, url: string, text: string): StoreRecordJob {
  const html = `<html><head><meta charset="gbk"><title>宜春市公安局2022年法治政府建设工作情况报告</title></head><body>${text
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</body></html>`;
  const raw = iconv.encode(html, 'gbk');
  const base = recordJob({
    runId,
    siteId: SITE,
    url,
    text,
    title: '宜春市公安局2022年法治政府建设工作情况报告',
    reportYear: 2022,
  });
  return {
    ...base,
    contentType: 'text/html; charset=GBK',
    rawSha256: createHash('sha256').update(raw).digest('hex'),
    bodyGzipBase64: gzipSync(raw).toString('base64'),
  };
}

const rawOf = (job: StoreRecordJob) => gunzipSync(Buffer.from(job.bodyGzipBase64, 'base64'));

/** The real CLI with stdout as bytes (runCli decodes it as UTF-8, which a binary stream cannot survive). */
function runCliBytes(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      cliArgv(args),
      { cwd: repoRoot, env: userEnv(env), encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr: stderr.toString('utf8') }),
    );
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  dir = await mkdtemp(join(tmpdir(), 'govwatch-warc-'));
  env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, LOG_LEVEL: 'silent' };
  const [r1, r2] = (await seedSiteAndRuns(db.prisma, SITE, 2)) as [string, string];
  const [other] = (await seedSiteAndRuns(db.prisma, 'jiading', 1)) as [string];
  const jobs = [
    recordJob({
      runId: r1,
      siteId: SITE,
      url: U1,
      text: YICHUN_2023,
      title: '宜春市公安局2023年法治政府建设工作情况报告',
      reportYear: 2023,
    }),
    // The same page revised in the next crawl: a second snapshot of one URL.
    recordJob({
      runId: r2,
      siteId: SITE,
      url: U1,
      text: `${YICHUN_2023}\n宜春市公安局\n2024年1月10日`,
      title: '宜春市公安局2023年法治政府建设工作情况报告',
      reportYear: 2023,
    }),
    gbkJob(r1, U2, YICHUN_2022),
  ];
  for (const job of jobs) {
    await storePage(db.prisma, job);
    expected.push({ url: job.fetchUrl, bytes: rawOf(job), sha256: job.rawSha256 });
  }
  // Another site's page must not appear.
  await storePage(
    db.prisma,
    recordJob({
      runId: other,
      siteId: 'jiading',
      url: 'https://www.jiading.gov.cn/gaj/1.html',
      text: JIADING_2023,
      reportYear: 2023,
    }),
  );
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Read = { record: WARCRecord; version: string; payload: Buffer };

async function readWarc(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Read[]> {
  const out: Read[] = [];
  for await (const record of new WARCParser(source)) {
    const payload = Buffer.from(await record.readFully(true));
    out.push({ record, version: record.warcHeaders.statusline, payload });
  }
  return out;
}

function checkWarc(records: Read[]) {
  expect(records.length).toBe(1 + 2 * expected.length);
  expect(records.every((r) => r.version === 'WARC/1.1')).toBe(true);
  const [info, ...rest] = records as [Read, ...Read[]];
  expect(info.record.warcType).toBe('warcinfo');
  expect(info.payload.toString('utf8')).toContain(`isPartOf: ${SITE}`);

  const responses = rest.filter((r) => r.record.warcType === 'response');
  const requests = rest.filter((r) => r.record.warcType === 'request');
  expect(responses).toHaveLength(expected.length);
  expect(requests).toHaveLength(expected.length);
  const id = (r: Read) => r.record.warcHeader('WARC-Record-ID') as string;
  for (const r of rest) expect(id(r)).toMatch(/^<urn:uuid:[0-9a-f-]{36}>$/);

  for (const want of expected) {
    const response = responses.find((r) => r.record.warcPayloadDigest === `sha256:${want.sha256}`);
    expect(response, want.url).toBeDefined();
    if (!response) continue;
    expect(response.record.warcTargetURI).toBe(want.url);
    expect(response.record.warcContentType).toBe('application/http; msgtype=response');
    expect(Number.isNaN(Date.parse(response.record.warcDate as string))).toBe(false);
    expect(response.record.httpHeaders?.statusCode).toBe(200);
    expect(response.payload.equals(want.bytes)).toBe(true);
    expect(createHash('sha256').update(response.payload).digest('hex')).toBe(want.sha256);

    const request = requests.find((r) => r.record.warcConcurrentTo?.includes(id(response)));
    expect(request, `request of ${want.url}`).toBeDefined();
    expect(response.record.warcConcurrentTo).toEqual([id(request as Read)]);
    expect(request?.record.warcTargetURI).toBe(want.url);
    expect(request?.record.warcContentType).toBe('application/http; msgtype=request');
    expect(request?.record.httpHeaders?.method).toBe('GET');
    expect(request?.record.httpHeaders?.headers.get('host')).toBe(new URL(want.url).host);
  }
  expect(responses.map((r) => r.record.warcTargetURI).sort()).toEqual(expected.map((e) => e.url).sort());
  const gbk = responses.find((r) => r.record.warcTargetURI === U2);
  expect(gbk?.record.httpHeaders?.headers.get('content-type')).toBe('text/html; charset=GBK');
  expect(iconv.decode(gbk?.payload as Buffer, 'gbk')).toContain('法治政府建设');
}

describe('export --format warc', () => {
  it('writes every archived snapshot of the site as request/response records to --out', async () => {
    const file = join(dir, 'ycgaj.warc');
    const r = await runCli(['export', '--format', 'warc', '--site', SITE, '--out', file], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const records = await readWarc(createReadStream(file));
    checkWarc(records);
    expect(records[0]?.record.warcHeader('WARC-Filename')).toBe('ycgaj.warc');
  });

  it('writes a record-gzipped WARC to stdout with --gzip', async () => {
    const r = await runCliBytes(['export', '--format', 'warc', '--site', SITE, '--gzip'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect([r.stdout[0], r.stdout[1]]).toEqual([0x1f, 0x8b]);
    checkWarc(await readWarc([new Uint8Array(r.stdout)]));
  });
});

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, withJobContext } from './logger.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, log: createLogger('info', 'test', stream) };
}

describe('logger', () => {
  it('stamps every line written during a job with its queue, job, run, site and url, children and awaits included', async () => {
    const { lines, log } = capture();
    log.info('before');
    await withJobContext(
      { queue: 'extract', jobId: 'j1', runId: 'r1', site: 'wuhan-gaj', url: 'https://gaj.wuhan.gov.cn/a.html' },
      async () => {
        await new Promise((r) => setTimeout(r, 5));
        log.child({ step: 'parse' }).warn('inside');
      },
    );
    log.info('after');
    expect(lines[0]).not.toHaveProperty('jobId');
    expect(lines[1]).toMatchObject({
      msg: 'inside',
      queue: 'extract',
      jobId: 'j1',
      runId: 'r1',
      site: 'wuhan-gaj',
      url: 'https://gaj.wuhan.gov.cn/a.html',
      step: 'parse',
    });
    expect(lines[2]).not.toHaveProperty('queue');
  });

  it('never writes credentials or URLs that may carry a password', () => {
    const { lines, log } = capture();
    log.info(
      {
        databaseUrl: 'postgresql://u:pw@db/govwatch',
        config: { redisUrl: 'redis://:pw@r:6379', secret: 's3' },
        headers: { authorization: 'Bearer t' },
        token: 't',
      },
      'config',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ['pw@', 's3', 'Bearer t', '"t"']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ databaseUrl: '[redacted]', token: '[redacted]' });
  });
});

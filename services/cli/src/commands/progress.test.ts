import { PassThrough } from 'node:stream';
import type { RunSummary } from '@govwatch/db';
import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress.ts';

const summary = (settled: number, queued: number): RunSummary => ({
  id: 'run', siteId: 'site', trigger: 'cli', status: 'running', startedAt: new Date(), finishedAt: null,
  error: null, pagesQueued: queued, pagesSettled: settled, outcomes: {}, stats: {},
});

function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 120 });
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stream, text: () => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') };
}

describe('crawl progress', () => {
  it('writes plain lines where stderr is not a terminal', async () => {
    const out = capture(false);
    const progress = progressReporter(out.stream, 0);
    progress.update(summary(3, 10), { listPages: 2, reportLinks: 12, queued: 10 });
    progress.update(summary(7, 4), { listPages: 5, reportLinks: 12 });
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toBe(
      'progress: 3/10 pages stored, 2 list pages, 12 report links\nprogress: 7/7 pages stored, 5 list pages, 12 report links\n',
    );
  });

  it('draws a bar on a terminal', async () => {
    const out = capture(true);
    const progress = progressReporter(out.stream, 0);
    progress.update(summary(3, 10), { listPages: 2, reportLinks: 12, queued: 10 });
    progress.update(summary(9, 10), { listPages: 6, reportLinks: 12, queued: 10 });
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toContain('9/10 pages stored | list pages 6 | report links 12');
    expect(out.text()).not.toContain('progress:');
  });
});

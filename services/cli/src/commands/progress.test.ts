import { PassThrough } from 'node:stream';
import type { RunSummary } from '@govwatch/db';
import { describe, expect, it } from 'vitest';
import { progressFigures, progressReporter } from './progress.ts';

const summary = (settled: number, queued: number): RunSummary => ({
  id: 'run',
  siteId: 'site',
  trigger: 'cli',
  status: 'running',
  startedAt: new Date(),
  finishedAt: null,
  error: null,
  pagesQueued: queued,
  pagesSettled: settled,
  outcomes: {},
  stats: {},
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
      'progress: 3/12 report pages checked (3 stored, 0 unchanged), 2 list pages\n' +
        'progress: 7/12 report pages checked (7 stored, 0 unchanged), 5 list pages\n',
    );
  });

  it('draws a bar on a terminal', async () => {
    const out = capture(true);
    const progress = progressReporter(out.stream, 0);
    progress.update(summary(3, 10), { listPages: 2, reportLinks: 12, queued: 10 });
    progress.update(summary(9, 10), { listPages: 6, reportLinks: 12, queued: 10 });
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toContain('9/12 report pages checked | stored 9 | unchanged 0 | list pages 6');
    expect(out.text()).not.toContain('progress:');
  });

  it('counts report pages found unchanged by the crawler: an unchanged re-crawl is not 0/0', () => {
    const f = progressFigures(summary(0, 0), { listPages: 4, reportLinks: 336, queued: 0, unchanged: 200 });
    expect(f).toMatchObject({ checked: 200, total: 336, stored: 0, unchanged: 200 });
  });

  it('counts known non-report pages left unfetched (not due) as checked, and names them', async () => {
    const f = progressFigures(summary(0, 0), { listPages: 4, reportLinks: 336, queued: 0, unchanged: 36, notDue: 300 });
    expect(f).toMatchObject({ checked: 336, total: 336, unchanged: 36, notDue: 300 });
    const out = capture(true);
    const progress = progressReporter(out.stream, 0);
    progress.update(summary(2, 2), { listPages: 4, reportLinks: 12, queued: 2, unchanged: 6, notDue: 4 });
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toContain('12/12 report pages checked | stored 2 | unchanged 6 | not due 4 | list pages 4');
  });

  it('never moves a figure backwards when an older reading arrives', () => {
    const first = progressFigures(summary(5, 10), { listPages: 6, reportLinks: 20, queued: 10, unchanged: 3 });
    const older = progressFigures(summary(4, 9), { listPages: 2, reportLinks: 12, queued: 9, unchanged: 1 }, first);
    expect(older).toEqual(first);
  });

  it('prints a note on its own line, the bar going on below it', async () => {
    const out = capture(true);
    const progress = progressReporter(out.stream, 0);
    progress.update(summary(1, 4), { reportLinks: 4, queued: 4 });
    progress.note('no live store worker');
    progress.update(summary(2, 4), { reportLinks: 4, queued: 4 });
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toMatch(/no live store worker\n/);
    expect(out.text()).toContain('2/4 report pages checked');
  });

  it('ends full, with the final figures of the crawl even when its last progress report was throttled away', async () => {
    const out = capture(true);
    const progress = progressReporter(out.stream, 0);
    progress.update(summary(5, 8), { listPages: 2, reportLinks: 9, queued: 8 });
    const done = {
      ...summary(8, 8),
      status: 'finished',
      stats: { listPagesFetched: 3, reportLinksFound: 9, notModified: 1, unchangedBytes: 0 },
    };
    progress.finish(done);
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toContain('9/9 report pages checked | stored 8 | unchanged 1 | list pages 3');
  });

  it('draws no bar before anything was found (0/0 would draw as a full bar)', async () => {
    const out = capture(true);
    const progress = progressReporter(out.stream, 0);
    progress.update(summary(0, 0), {});
    progress.update(summary(0, 0), { listPages: 1, reportLinks: 11 });
    progress.stop();
    await new Promise((r) => setImmediate(r));
    expect(out.text()).not.toContain('0/0 report pages');
    expect(out.text()).toContain('0/11 report pages checked');
  });
});

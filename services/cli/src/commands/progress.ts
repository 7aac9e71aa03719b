// How `crawl --wait` (and `demo`) show a crawl going on: a progress bar on a terminal, a plain
// line every few seconds otherwise (logs, CI). Both on stderr: stdout carries the summary.
import type { RunSummary } from '@govwatch/db';
import type { CrawlProgress } from '@govwatch/pipeline';
import cliProgress from 'cli-progress';

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

export function progressReporter(stream: Stream = process.stderr, plainEveryMs = 5000) {
  const bar = stream.isTTY
    ? new cliProgress.SingleBar(
        { stream, format: '{bar} {value}/{total} pages stored | list pages {list} | report links {links}' },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  let lastLine = Date.now(); // the first plain line after plainEveryMs: short crawls print only the summary
  return {
    update(s: RunSummary, crawl: CrawlProgress) {
      const total = Math.max(crawl.queued ?? s.pagesQueued, s.pagesSettled);
      const payload = { list: crawl.listPages ?? 0, links: crawl.reportLinks ?? 0 };
      if (bar) {
        if (!started) bar.start(total, s.pagesSettled, payload);
        started = true;
        bar.setTotal(total);
        bar.update(s.pagesSettled, payload);
      } else if (Date.now() - lastLine >= plainEveryMs) {
        lastLine = Date.now();
        stream.write(`progress: ${s.pagesSettled}/${total} pages stored, ${payload.list} list pages, ${payload.links} report links\n`);
      }
    },
    stop() {
      if (started) bar?.stop();
    },
  };
}

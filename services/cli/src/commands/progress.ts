// How `crawl --wait` (and `demo`) show a crawl going on: a progress bar on a terminal, a plain
// line every few seconds otherwise (logs, CI). Both on stderr: stdout carries the summary.
//
// The bar counts report pages checked: stored (through extract → store) or found unchanged by
// the crawler (304, identical bytes), which never reach the store. Counting only stored pages
// showed 0/0 through a whole unchanged re-crawl. Known non-report pages the revisit policy left
// unfetched (not due) count as checked too: the crawler looked them up, and the bar ends full.
// Every figure only grows: progress arrives from
// several places (the crawl job, the run's rows) and an older reading must not move it back.
import type { RunSummary } from '@govwatch/db';
import type { CrawlProgress } from '@govwatch/pipeline';
import cliProgress from 'cli-progress';

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

export type ProgressFigures = {
  checked: number;
  total: number;
  stored: number;
  unchanged: number;
  notDue: number;
  list: number;
  links: number;
};

/** Figures to show, never below the ones shown before (pure). */
export function progressFigures(s: RunSummary, crawl: CrawlProgress, before?: ProgressFigures): ProgressFigures {
  const max = (a: number, b = 0) => Math.max(a, b);
  const stored = max(s.pagesSettled, before?.stored);
  const unchanged = max(crawl.unchanged ?? 0, before?.unchanged);
  const notDue = max(crawl.notDue ?? 0, before?.notDue);
  const checked = stored + unchanged + notDue;
  const list = max(crawl.listPages ?? 0, before?.list);
  const links = max(crawl.reportLinks ?? 0, before?.links);
  const total = Math.max(checked, links, unchanged + notDue + (crawl.queued ?? s.pagesQueued), before?.total ?? 0);
  return { checked, total, stored, unchanged, notDue, list, links };
}

/** The bar's and the plain line's figures; "not due" only once there are some (most crawls have none). */
const barPayload = (f: ProgressFigures) => ({
  stored: f.stored,
  unchanged: f.unchanged,
  list: f.list,
  notDue: f.notDue ? ` | not due ${f.notDue}` : '',
});

export function progressReporter(stream: Stream = process.stderr, plainEveryMs = 5000) {
  const bar = stream.isTTY
    ? new cliProgress.SingleBar(
        {
          stream,
          format:
            '{bar} {value}/{total} report pages checked | stored {stored} | unchanged {unchanged}{notDue} | list pages {list}',
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let shown: ProgressFigures | undefined;
  let lastLine = Date.now(); // the first plain line after plainEveryMs: short crawls print only the summary
  return {
    update(s: RunSummary, crawl: CrawlProgress) {
      const started = shown !== undefined;
      const f = progressFigures(s, crawl, shown);
      // Nothing found yet: a bar of 0/0 draws as full, so wait for the first list page.
      if (!started && f.total === 0) return;
      shown = f;
      const payload = barPayload(f);
      if (bar) {
        if (!started) bar.start(f.total, f.checked, payload);
        bar.setTotal(f.total);
        bar.update(f.checked, payload);
      } else if (Date.now() - lastLine >= plainEveryMs) {
        lastLine = Date.now();
        stream.write(
          `progress: ${f.checked}/${f.total} report pages checked (${f.stored} stored, ${f.unchanged} unchanged${f.notDue ? `, ${f.notDue} not due` : ''}), ${f.list} list pages\n`,
        );
      }
    },
    /** The run is over: the bar shows its final figures, full (every page that will be checked was). */
    finish(s: RunSummary) {
      if (!shown || !bar) return;
      // The crawl's final figures: its last progress report may have been throttled away.
      const stats = s.stats as {
        notModified?: number;
        unchangedBytes?: number;
        notDue?: number;
        listPagesFetched?: number;
        reportLinksFound?: number;
      };
      const unchanged = (stats.notModified ?? 0) + (stats.unchangedBytes ?? 0);
      const f = progressFigures(
        s,
        { unchanged, notDue: stats.notDue, listPages: stats.listPagesFetched, reportLinks: stats.reportLinksFound },
        shown,
      );
      shown = { ...f, total: f.checked };
      bar.setTotal(f.checked);
      bar.update(f.checked, barPayload(f));
    },
    /** A message on its own line, above the bar on a terminal. */
    note(message: string) {
      if (bar && shown) bar.stop();
      stream.write(`${message}\n`);
      if (bar && shown) bar.start(shown.total, shown.checked, barPayload(shown));
    },
    stop() {
      if (shown) bar?.stop();
    },
  };
}

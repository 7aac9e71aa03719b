#!/usr/bin/env node
// govwatch CLI. Commands, options and output formats are a contract (DESIGN.md): extend, don't rename.
import { Command } from 'commander';
import { crawlCommand } from './commands/crawl.ts';
import { demoCommand } from './commands/demo.ts';
import { eventsCommand } from './commands/events.ts';
import { exportCommand } from './commands/export.ts';
import { extractCommand } from './commands/extract.ts';
import { diffCommand, historyCommand } from './commands/history.ts';
import { reextractCommand } from './commands/reextract.ts';
import { runsCommand } from './commands/runs.ts';
import { sitesCommand } from './commands/sites.ts';
import { startCommand, workerCommand } from './commands/start.ts';
import { createContext } from './context.ts';

const program = new Command('govwatch').description('watch government websites for new 法治政府建设 reports');
const sitesOption = ['--sites <path>', 'site file (default: $GOVWATCH_SITES or sites.yaml)'] as const;

/** Run a command with a quiet or informative default log level; one clear line on error. */
function action<A extends unknown[]>(logLevel: string, fn: (ctx: ReturnType<typeof createContext>, ...args: A) => Promise<unknown>) {
  return async (...args: A) => {
    try {
      await fn(createContext(logLevel), ...args);
    } catch (err) {
      process.stderr.write(`govwatch: ${(err as Error).message}\n`);
      process.exit(1);
    }
  };
}

program
  .command('extract')
  .description('print the record of one saved page as JSON')
  .argument('<file>', 'saved HTML page')
  .requiredOption('--url <url>', 'URL the page was fetched from')
  .option('--content-type <type>', 'Content-Type header it was served with (charset hint)')
  .option('--encoding <name>', 'force a charset, e.g. gbk')
  .action(action('warn', (_ctx, file: string, opts) => extractCommand(file, opts)));

program
  .command('crawl')
  .description('crawl one site now')
  .requiredOption('--site <id>', 'site id')
  .option('--wait', 'wait until every page found is stored, then print a summary')
  .option('--timeout <seconds>', 'give up waiting after this long', String(6 * 3600))
  .option(...sitesOption)
  .action(
    action('warn', async (ctx, opts) => {
      const summary = await crawlCommand(ctx, opts);
      if (summary && summary.status !== 'finished') process.exitCode = 1;
      process.exit();
    }),
  );

program
  .command('start')
  .description('run every worker, the scheduler, the event relay and the HTTP API in one process')
  .option(...sitesOption)
  .option('--no-migrate', 'do not apply pending database migrations first')
  .option('--port <port>', 'HTTP API port (default: $GOVWATCH_API_PORT or 8080)')
  .option('--no-api', 'do not serve the HTTP API')
  .action(action('info', (ctx, opts) => startCommand(ctx, opts)));

program
  .command('worker')
  .description('run one kind of worker (the unit to scale out)')
  .argument('<kind>', 'crawl | extract | store')
  .action(action('info', (ctx, kind: string) => workerCommand(ctx, kind)));

program
  .command('export')
  .description('print stored reports (NDJSON or CSV), events after an id, or a site\'s raw snapshots as WARC')
  .option('--since <iso>', 'only reports updated at or after this time')
  .option('--after <eventId>', 'print the events after this event id instead of reports (resume from the last id printed; 0: all)')
  .option('--site <id>', 'only this site (required with --format warc)')
  .option('--format <format>', 'ndjson | csv | warc', 'ndjson')
  .option('--out <file>', 'write to this file instead of stdout')
  .option('--gzip', 'WARC only: gzip each record (a .warc.gz)')
  .action(action('warn', (ctx, opts) => exportCommand(ctx, opts)));

program
  .command('history')
  .description('list the versions of a report')
  .argument('<reportId>', 'report id')
  .option('--json', 'print the history as one JSON object')
  .action(action('warn', (ctx, reportId: string, opts) => historyCommand(ctx, reportId, opts)));

program
  .command('diff')
  .description('unified line diff of two versions of a report (default: the current one and the one before)')
  .argument('<reportId>', 'report id')
  .argument('[a]', 'older version number')
  .argument('[b]', 'newer version number (default: the current version)')
  .action(action('warn', (ctx, reportId: string, a: string | undefined, b: string | undefined) => diffCommand(ctx, reportId, a, b)));

program
  .command('events')
  .description('list recent outbox events; with --failed, webhook deliveries dead-lettered after their last attempt')
  .option('--failed', 'list dead-lettered webhook deliveries')
  .option('--limit <n>', 'how many', '20')
  .option('--json', 'one JSON object a line')
  .action(action('warn', (ctx, opts) => eventsCommand(ctx, opts)));

program
  .command('reextract')
  .description('run the current extractor over the archived raw snapshots; store new versions where the record changed')
  .option('--site <id>', 'only this site')
  .action(action('warn', (ctx, opts) => reextractCommand(ctx, opts)));

program
  .command('sites')
  .description('validate the site file and list its sites')
  .option(...sitesOption)
  .action(action('warn', (ctx, opts) => sitesCommand(ctx, opts)));

program
  .command('runs')
  .description('list crawl runs')
  .option('--site <id>', 'only this site')
  .option('--limit <n>', 'how many', '20')
  .action(action('warn', (ctx, opts) => runsCommand(ctx, opts)));

program
  .command('demo')
  .description('serve the bundled fixture site on 127.0.0.1, crawl it through the pipeline, print what was stored')
  .action(
    action('warn', async (ctx, opts) => {
      await demoCommand(ctx, opts);
      process.exit(0);
    }),
  );

await program.parseAsync();

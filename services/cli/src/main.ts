#!/usr/bin/env node
// govwatch CLI. Commands, options and output formats are a contract (DESIGN.md): extend, don't rename.
import { createRequire } from 'node:module';
import { Command } from 'commander';

// Commands load their modules on use: `extract` or `sites` should not pay for crawlee and Playwright.
const commands = {
  crawl: () => import('./commands/crawl.ts'),
  demo: () => import('./commands/demo.ts'),
  events: () => import('./commands/events.ts'),
  export: () => import('./commands/export.ts'),
  extract: () => import('./commands/extract.ts'),
  history: () => import('./commands/history.ts'),
  reextract: () => import('./commands/reextract.ts'),
  runs: () => import('./commands/runs.ts'),
  sites: () => import('./commands/sites.ts'),
  start: () => import('./commands/start.ts'),
  watch: () => import('./commands/watch.ts'),
};
const context = () => import('./context.ts');

// `govwatch export | head`: the reader has gone, which is no error of ours. Exit quietly, as cat does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
const program = new Command('govwatch')
  .description('watch government websites for new 法治政府建设 reports')
  .version(version, '-V, --version', 'print the version');
const sitesOption = ['--sites <path>', 'site file (default: $GOVWATCH_SITES or sites.yaml)'] as const;

/** Run a command with a quiet or informative default log level; one clear line on error. */
type Ctx = ReturnType<Awaited<ReturnType<typeof context>>['createContext']>;
function action<A extends unknown[]>(logLevel: string, fn: (ctx: Ctx, ...args: A) => Promise<unknown>) {
  return async (...args: A) => {
    try {
      const { createContext } = await context();
      await fn(createContext(logLevel), ...args);
    } catch (err) {
      process.stderr.write(`govwatch: ${(err as Error).message}\n`);
      // Bad configuration (site file, environment) exits 2, as usage errors do: nothing was started.
      process.exit(['SiteFileError', 'ConfigError'].includes((err as Error).name) ? 2 : 1);
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
  .action(action('warn', async (_ctx, file: string, opts) => (await commands.extract()).extractCommand(file, opts)));

program
  .command('crawl')
  .description('crawl one site now')
  .requiredOption('--site <id>', 'site id')
  .option('--wait', 'wait until every page found is stored, then print a summary')
  .option('--timeout <seconds>', 'give up waiting after this long', String(6 * 3600))
  .option(...sitesOption)
  .action(
    action('warn', async (ctx, opts) => {
      const summary = await (await commands.crawl()).crawlCommand(ctx, opts);
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
  .action(action('info', async (ctx, opts) => (await commands.start()).startCommand(ctx, opts)));

program
  .command('api')
  .description('serve the HTTP API and keep the per-site crawl schedules (workers run elsewhere)')
  .option(...sitesOption)
  .option('--port <port>', 'HTTP API port (default: $GOVWATCH_API_PORT or 8080)')
  .action(action('info', async (ctx, opts) => (await commands.start()).apiCommand(ctx, opts)));

program
  .command('worker')
  .description('run one kind of worker (the unit to scale out)')
  .argument('<kind>', 'crawl | extract | store')
  .action(action('info', async (ctx, kind: string) => (await commands.start()).workerCommand(ctx, kind)));

program
  .command('export')
  .description("print stored reports (NDJSON or CSV), events after an id, or a site's raw snapshots as WARC")
  .option('--since <iso>', 'only reports updated at or after this time')
  .option(
    '--after <eventId>',
    'print the events after this event id instead of reports (resume from the last id printed; 0: all)',
  )
  .option('--site <id>', 'only this site (required with --format warc)')
  .option('--format <format>', 'ndjson | csv | warc', 'ndjson')
  .option('--out <file>', 'write to this file instead of stdout')
  .option('--gzip', 'WARC only: gzip each record (a .warc.gz)')
  .action(action('warn', async (ctx, opts) => (await commands.export()).exportCommand(ctx, opts)));

program
  .command('history')
  .description('list the versions of a report')
  .argument('<report>', 'report id, or any URL the report was seen at')
  .option('--json', 'print the history as one JSON object')
  .action(
    action('warn', async (ctx, reportId: string, opts) =>
      (await commands.history()).historyCommand(ctx, reportId, opts),
    ),
  );

program
  .command('diff')
  .description(
    'diff of two versions of a report (default: the current one and the one before): unified by line, or --word',
  )
  .argument('<report>', 'report id, or any URL the report was seen at')
  .argument('[a]', 'older version number')
  .argument('[b]', 'newer version number (default: the current version)')
  .option('--word', 'show the changed words inside each changed paragraph ([-old-]{+new+}), not whole lines')
  .action(
    action(
      'warn',
      async (ctx, reportId: string, a: string | undefined, b: string | undefined, opts: { word?: boolean }) =>
        (await commands.history()).diffCommand(ctx, reportId, a, b, opts),
    ),
  );

program
  .command('events')
  .description(
    'list recent outbox events; with --failed, webhook deliveries dead-lettered after their last attempt; with --redeliver, re-send those',
  )
  .option('--failed', 'list dead-lettered webhook deliveries')
  .option('--redeliver', 're-send every dead-lettered webhook delivery with a fresh set of attempts')
  .option('--limit <n>', 'how many', '20')
  .option('--json', 'one JSON object a line')
  .action(action('warn', async (ctx, opts) => (await commands.events()).eventsCommand(ctx, opts)));

program
  .command('reextract')
  .description('run the current extractor over the archived raw snapshots; store new versions where the record changed')
  .option('--site <id>', 'only this site')
  .action(action('warn', async (ctx, opts) => (await commands.reextract()).reextractCommand(ctx, opts)));

program
  .command('sites')
  .description('validate the site file and list its sites')
  .option(...sitesOption)
  .action(action('warn', async (ctx, opts) => (await commands.sites()).sitesCommand(ctx, opts)));

program
  .command('runs')
  .description('list crawl runs')
  .option('--site <id>', 'only this site')
  .option('--limit <n>', 'how many', '20')
  .action(action('warn', async (ctx, opts) => (await commands.runs()).runsCommand(ctx, opts)));

program
  .command('watch')
  .description('per agency: its report on a year published on time, late, or missing (and overdue); totals')
  .option('--year <year>', 'report year (default: the latest whose deadline has passed)')
  .option('--site <id>', 'only the agencies this site publishes for')
  .option('--format <format>', 'table | json | csv', 'table')
  .option('--at <time>', 'judge as of this date or time instead of now')
  .option('--check', 'also write the report.overdue / report.found_late events due (as the daily check does)')
  .option(...sitesOption)
  .action(action('warn', async (ctx, opts) => (await commands.watch()).watchCommand(ctx, opts)));

program
  .command('compare')
  .description("an agency's reports of two years, part by part: new, dropped and repeated sentences")
  .argument('<agency>', 'agency name, alias or id')
  .requiredOption('--years <years...>', 'two report years, e.g. --years 2022 2023')
  .option('--format <format>', 'text | json', 'text')
  .action(
    action('warn', async (ctx, agency: string, opts) => (await commands.watch()).compareCommand(ctx, agency, opts)),
  );

program
  .command('demo')
  .description('serve the bundled fixture site on 127.0.0.1, crawl it through the pipeline, print what was stored')
  .option(
    '--keep',
    'keep serving the fixture site afterwards (until Ctrl-C), with a site file to try crawl, history and diff by hand',
  )
  .option('--port <port>', 'serve the fixture site on this port (default: any free port)')
  .action(
    action('warn', async (ctx, opts) => {
      await (await commands.demo()).demoCommand(ctx, opts);
      process.exit(0);
    }),
  );

await program.parseAsync();

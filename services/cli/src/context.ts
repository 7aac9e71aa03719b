// Shared by the commands: config, logger, sites and a runtime, each made once, on demand.
import { type Config, createLogger, type Logger, loadConfig } from '@govwatch/core';
import type { Db } from '@govwatch/db';
import type { Runtime } from '@govwatch/pipeline';
import { loadSites, type Site } from '@govwatch/sites';

export type Context = {
  config: Config;
  log: Logger;
  sites(path?: string): { file: string; sites: Site[] };
  /** Redis, PostgreSQL and the queues: for commands that crawl or run workers. migrate: apply pending migrations first. */
  runtime(opts?: { migrate?: boolean }): Promise<Runtime>;
  /** PostgreSQL only: for commands that read or re-store reports (quicker to start, no Redis). */
  database(): Promise<{ config: Config; db: Db; close(): Promise<void> }>;
};

export function createContext(defaultLogLevel: string): Context {
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? defaultLogLevel);
  let rt: Runtime | undefined;
  return {
    config,
    log,
    sites(path) {
      const file = path ?? config.sitesPath;
      return { file, sites: loadSites(file) };
    },
    async runtime(opts = {}) {
      if (!rt) {
        // Loaded on first use: commands without Redis/PostgreSQL stay quick to start.
        const { migrateDeploy } = await import('@govwatch/db');
        const { checkServices, createRuntime } = await import('@govwatch/pipeline');
        if (opts.migrate) await migrateDeploy(config.databaseUrl);
        await checkServices(config);
        rt = createRuntime(config, log);
      }
      return rt;
    },
    async database() {
      const { checkDatabaseReady, createDb } = await import('@govwatch/db');
      await checkDatabaseReady(config.databaseUrl);
      const db = createDb(config.databaseUrl);
      return { config, db, close: () => db.close() };
    },
  };
}

/** Print to stdout (the command's output), respecting back-pressure for large exports. */
export function out(line: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(`${line}\n`)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

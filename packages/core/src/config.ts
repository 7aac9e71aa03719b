// The one place that reads process.env. Parsed once at start; a bad value stops with one clear line.
import { z } from 'zod';

const Env = z.object({
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  DATABASE_URL: z.string().default('postgresql://postgres@127.0.0.1:5432/govwatch'),
  GOVWATCH_SITES: z.string().default('sites.yaml'),
  GOVWATCH_QUEUE_PREFIX: z.string().default('govwatch'),
  GOVWATCH_ALLOW_PRIVATE: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  GOVWATCH_USER_AGENT_CONTACT: z.string().default('https://github.com/govwatch/govwatch'),
  GOVWATCH_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  // Sites one crawl worker crawls at once. A crawl mostly waits for its host's next turn (1 request/s
  // by default), so a worker's pace is this × the hosts' rate: 4 was 4 requests/s. README, Performance.
  GOVWATCH_CRAWL_CONCURRENCY: z.coerce.number().int().positive().default(32),
  GOVWATCH_EXTRACT_CONCURRENCY: z.coerce.number().int().positive().default(4),
  GOVWATCH_STORE_CONCURRENCY: z.coerce.number().int().positive().default(4),
  GOVWATCH_PAGE_BACKLOG: z.coerce.number().int().nonnegative().default(2000),
  GOVWATCH_SEARCH_INDEX_INTERVAL_MS: z.coerce.number().int().positive().default(2000),
  GOVWATCH_API_PORT: z.coerce.number().int().nonnegative().default(8080),
  GOVWATCH_API_HOST: z.string().min(1).default('127.0.0.1'),
  GOVWATCH_API_TOKEN: z.string().default(''),
  GOVWATCH_API_READ_TOKEN: z.string().default(''),
  GOVWATCH_API_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  GOVWATCH_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  GOVWATCH_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  GOVWATCH_CHROMIUM: z.string().default('/usr/bin/chromium'),
  GOVWATCH_TIMEZONE: z.string().default('Asia/Shanghai'),
  GOVWATCH_WEBHOOKS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const urls = v
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean);
      for (const u of urls) {
        if (!URL.canParse(u) || !/^https?:$/.test(new URL(u).protocol)) {
          ctx.addIssue({ code: 'custom', message: `not an http(s) URL: ${u}` });
        }
      }
      return urls;
    }),
  GOVWATCH_WEBHOOK_SECRET: z.string().default(''),
  GOVWATCH_WEBHOOK_ATTEMPTS: z.coerce.number().int().positive().default(8),
  GOVWATCH_WEBHOOK_BACKOFF_MS: z.coerce.number().int().nonnegative().default(10_000),
  GOVWATCH_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  GOVWATCH_WEBHOOK_CONCURRENCY: z.coerce.number().int().positive().default(4),
  GOVWATCH_OUTAGE_WAIT_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(15 * 60_000),
  GOVWATCH_REAPER_INTERVAL_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  GOVWATCH_REAPER_GRACE_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(2 * 60_000),
  GOVWATCH_REAPER_STALE_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(30 * 60_000),
  GOVWATCH_CRAWL_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  GOVWATCH_HOST_SLOT_TTL_MS: z.coerce.number().int().min(1000).default(15_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

/** Every environment variable the config reads (deployment files are checked against this). */
export const ENV_VARS: readonly string[] = Object.keys(Env.shape);

export type Config = {
  redisUrl: string;
  databaseUrl: string;
  sitesPath: string;
  queuePrefix: string;
  allowPrivateNetwork: boolean;
  userAgent: string;
  /** The whole of one page fetch, body included: a response trickling in byte by byte ends too. */
  fetchTimeoutMs: number;
  concurrency: { crawl: number; extract: number; store: number; webhooks: number };
  /**
   * Pages waiting for extract or store (their bodies in Redis) at which crawls start no new
   * request until the backlog has drained to three quarters of it; 0: no limit.
   */
  pageBacklog: number;
  /** How often store workers index new report texts for search (search-indexer.ts). */
  searchIndexIntervalMs: number;
  webhooks: {
    /** Every event is POSTed to each of these. */
    urls: string[];
    /** HMAC-SHA256 key of the X-Govwatch-Signature header (required when urls are set). */
    secret: string;
    /** Deliveries per event and URL before it is dead-lettered. */
    attempts: number;
    /** First retry delay; each next one doubles. */
    backoffMs: number;
    timeoutMs: number;
  };
  apiPort: number;
  api: {
    host: string;
    /** Bearer token every write and the queue dashboard need; none: writes are refused. */
    token: string;
    /** When set, reads need it (or the write token) too. */
    readToken: string;
    /** Host header values (name, optionally :port) answered besides loopback names and `host`. */
    allowedHosts: string[];
  };
  /** Workers serve Prometheus metrics on this port when set. */
  metricsPort: number | undefined;
  metricsHost: string;
  chromiumPath: string;
  timezone: string;
  /**
   * How long a job waits out Redis or PostgreSQL being unreachable before it is retried the
   * ordinary way (its own attempts and backoff then add to this).
   */
  outageWaitMs: number;
  /** Runs left `running` without jobs: how often to look, and how long a run may sit before it is resumed. */
  reaper: { intervalMs: number; graceMs: number; staleMs: number };
  /**
   * How long a crawl worker's hold on a frontier request lasts unrenewed (the crawl job's lock: twice
   * that): a dead worker's requests and crawl job go back to the others after it.
   */
  crawlLeaseMs: number;
  /** How long a host concurrency slot lasts unrenewed: a crashed crawler's slots free after this. */
  hostSlotTtlMs: number;
  /** Unset: each command picks its own default (quiet CLI commands, informative workers). */
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.GOVWATCH_WEBHOOKS.length > 0 && e.GOVWATCH_WEBHOOK_SECRET === '') {
    throw new ConfigError('invalid environment: GOVWATCH_WEBHOOK_SECRET: required when GOVWATCH_WEBHOOKS is set');
  }
  return {
    redisUrl: e.REDIS_URL,
    databaseUrl: e.DATABASE_URL,
    sitesPath: e.GOVWATCH_SITES,
    queuePrefix: e.GOVWATCH_QUEUE_PREFIX,
    allowPrivateNetwork: e.GOVWATCH_ALLOW_PRIVATE,
    userAgent: `govwatch/0.1 (+${e.GOVWATCH_USER_AGENT_CONTACT})`,
    fetchTimeoutMs: e.GOVWATCH_FETCH_TIMEOUT_MS,
    concurrency: {
      crawl: e.GOVWATCH_CRAWL_CONCURRENCY,
      extract: e.GOVWATCH_EXTRACT_CONCURRENCY,
      store: e.GOVWATCH_STORE_CONCURRENCY,
      webhooks: e.GOVWATCH_WEBHOOK_CONCURRENCY,
    },
    pageBacklog: e.GOVWATCH_PAGE_BACKLOG,
    searchIndexIntervalMs: e.GOVWATCH_SEARCH_INDEX_INTERVAL_MS,
    webhooks: {
      urls: e.GOVWATCH_WEBHOOKS,
      secret: e.GOVWATCH_WEBHOOK_SECRET,
      attempts: e.GOVWATCH_WEBHOOK_ATTEMPTS,
      backoffMs: e.GOVWATCH_WEBHOOK_BACKOFF_MS,
      timeoutMs: e.GOVWATCH_WEBHOOK_TIMEOUT_MS,
    },
    apiPort: e.GOVWATCH_API_PORT,
    api: {
      host: e.GOVWATCH_API_HOST,
      token: e.GOVWATCH_API_TOKEN,
      readToken: e.GOVWATCH_API_READ_TOKEN,
      allowedHosts: e.GOVWATCH_API_ALLOWED_HOSTS,
    },
    metricsPort: e.GOVWATCH_METRICS_PORT,
    metricsHost: e.GOVWATCH_METRICS_HOST,
    chromiumPath: e.GOVWATCH_CHROMIUM,
    timezone: e.GOVWATCH_TIMEZONE,
    outageWaitMs: e.GOVWATCH_OUTAGE_WAIT_MS,
    reaper: {
      intervalMs: e.GOVWATCH_REAPER_INTERVAL_MS,
      graceMs: e.GOVWATCH_REAPER_GRACE_MS,
      staleMs: e.GOVWATCH_REAPER_STALE_MS,
    },
    crawlLeaseMs: e.GOVWATCH_CRAWL_LEASE_MS,
    hostSlotTtlMs: e.GOVWATCH_HOST_SLOT_TTL_MS,
    logLevel: e.LOG_LEVEL,
  };
}

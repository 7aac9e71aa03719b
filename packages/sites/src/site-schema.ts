import { isValidMonthDay } from '@govwatch/watch';
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

/** The cron parser BullMQ itself uses, so a schedule that validates here also fires there. */
const cron = z.string().refine(
  (expr) => {
    try {
      CronExpressionParser.parse(expr);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid cron expression (minute hour day month weekday)' },
);

/**
 * An agency the site publishes reports for: its name as the site writes it, or the name with
 * aliases and a level. Reports of agencies not declared get agency records listed for review.
 */
export const AgencyDeclaration = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    level: z.enum(['city', 'district', 'county']).optional(),
  }),
]);
export type AgencyDeclaration = z.infer<typeof AgencyDeclaration>;

/** One site of the site file. Key names are a contract (DESIGN.md): extend, never rename. */
export const Site = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-_]*$/, 'lower-case letters, digits, - and _ only'),
  name: z.string().min(1),
  startUrls: z.array(z.url({ protocol: /^https?$/ })).min(1),
  allowedHosts: z.array(z.string().min(1)).optional(),
  reportLinkPattern: z.string().optional(),
  listLinkPattern: z.string().optional(),
  titleKeywords: z.array(z.string().min(1)).default(['法治政府建设']),
  render: z.enum(['http', 'browser']).default('http'),
  maxPages: z.number().int().positive().default(2000),
  maxDepth: z.number().int().nonnegative().default(5),
  requestsPerSecond: z.number().positive().default(1),
  maxConcurrency: z.number().int().positive().default(2),
  /** Crawl jobs sharing one run's frontier (each up to maxConcurrency requests; the host limit holds across them). */
  crawlShards: z.number().int().min(1).max(32).default(1),
  schedule: cron.default('0 2 * * *'),
  encoding: z.string().optional(),
  allowPrivateNetwork: z.boolean().default(false),
  /**
   * A page the store found not to be a report is fetched again only once its last fetch is this
   * many days old (each URL's own period between half of it and all of it, so they do not all come
   * due the same night); 0: every crawl. Report pages are fetched every crawl, conditionally.
   */
  revisitNotReportsDays: z.number().nonnegative().default(7),
  /**
   * An endless calendar or pager (packages/pipeline crawl/url-patterns.ts): list pages of one URL
   * pattern, its numbers counting, followed this many in a row that find no new report, then left
   * with a warning. Raise it for a column whose reports sit further apart in a long pager.
   */
  endlessListLimit: z.number().int().positive().default(20),
  /** Follow the sitemaps robots.txt lists (entries count as reports by reportLinkPattern). */
  sitemaps: z.boolean().default(true),
  /** Agencies this site publishes for (a city portal may publish for each bureau). */
  agencies: z.array(AgencyDeclaration).optional(),
  /** Last day (MM-DD of the following year) to publish a year's report; default 04-01. */
  reportDeadline: z
    .string()
    .refine(isValidMonthDay, { message: 'expected MM-DD, a day every year has (e.g. 04-01)' })
    .optional(),
});
export type Site = z.infer<typeof Site>;

export const SiteFile = z.strictObject({
  sites: z.array(z.unknown()),
});

/** Hosts a crawl of this site may request: allowedHosts, else the start URLs' hosts. */
export function allowedHostsOf(site: Site): string[] {
  return site.allowedHosts ?? [...new Set(site.startUrls.map((u) => new URL(u).host.toLowerCase()))];
}

/** What any fetch of the site must respect (carried on extract jobs for attachment fetches). */
export function fetchPolicyOf(site: Site) {
  return {
    allowPrivateNetwork: site.allowPrivateNetwork,
    allowedHosts: allowedHostsOf(site),
    requestsPerSecond: site.requestsPerSecond,
    maxConcurrency: site.maxConcurrency,
  };
}

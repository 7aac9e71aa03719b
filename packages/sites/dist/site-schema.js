// src/site-schema.ts
import { CronExpressionParser } from "cron-parser";
import { isValidMonthDay } from "@govwatch/watch";
import { z } from "zod";
var cron = z.string().refine(
  (expr) => {
    try {
      CronExpressionParser.parse(expr);
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid cron expression (minute hour day month weekday)" }
);
var AgencyDeclaration = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    level: z.enum(["city", "district", "county"]).optional()
  })
]);
var Site = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-_]*$/, "lower-case letters, digits, - and _ only"),
  name: z.string().min(1),
  startUrls: z.array(z.url({ protocol: /^https?$/ })).min(1),
  allowedHosts: z.array(z.string().min(1)).optional(),
  reportLinkPattern: z.string().optional(),
  listLinkPattern: z.string().optional(),
  titleKeywords: z.array(z.string().min(1)).default(["\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE"]),
  render: z.enum(["http", "browser"]).default("http"),
  maxPages: z.number().int().positive().default(2e3),
  maxDepth: z.number().int().nonnegative().default(5),
  requestsPerSecond: z.number().positive().default(1),
  maxConcurrency: z.number().int().positive().default(2),
  schedule: cron.default("0 2 * * *"),
  encoding: z.string().optional(),
  allowPrivateNetwork: z.boolean().default(false),
  /** Follow the sitemaps robots.txt lists (entries count as reports by reportLinkPattern). */
  sitemaps: z.boolean().default(true),
  /** Agencies this site publishes for (a city portal may publish for each bureau). */
  agencies: z.array(AgencyDeclaration).optional(),
  /** Last day (MM-DD of the following year) to publish a year's report; default 04-01. */
  reportDeadline: z.string().refine(isValidMonthDay, { message: "expected MM-DD, a day every year has (e.g. 04-01)" }).optional()
});
var SiteFile = z.strictObject({
  sites: z.array(z.unknown())
});
function allowedHostsOf(site) {
  return site.allowedHosts ?? [...new Set(site.startUrls.map((u) => new URL(u).host.toLowerCase()))];
}
function fetchPolicyOf(site) {
  return {
    allowPrivateNetwork: site.allowPrivateNetwork,
    allowedHosts: allowedHostsOf(site),
    requestsPerSecond: site.requestsPerSecond,
    maxConcurrency: site.maxConcurrency
  };
}
export {
  AgencyDeclaration,
  Site,
  SiteFile,
  allowedHostsOf,
  fetchPolicyOf
};
//# sourceMappingURL=site-schema.js.map

// Pure translation between a crawl's CrawlStats and the frontier's counters: what one request
// sends with its completion, and the run's figures built from the frontier when the crawl ends.
import type { CrawlProgress, CrawlStats } from '@govwatch/jobs';
import type { Site } from '@govwatch/sites';
import { emptyStats } from './crawl-context.ts';
import type { Counters, FrontierSnapshot, Totals } from './frontier.ts';

/**
 * The figures requests count themselves. pagesQueued, alreadySettled and reportLinksFound are not
 * among them: the frontier counts those from its sets of pages (handed on, found), so a page
 * handed on by two attempts, or by two links that redirect to it, counts once.
 */
const COUNTED = [
  'listPagesFetched',
  'pagesFetched',
  'notModified',
  'unchangedBytes',
  'bytes',
  'robotsDisallowed',
  'browserRetries',
] as const satisfies ReadonlyArray<keyof CrawlStats>;

/** One request's counters, as its completion sends them (zeros left out). */
export function countersOf(counted: CrawlStats): Counters {
  const d: Record<string, number> = {};
  for (const field of COUNTED) if (counted[field]) d[field] = counted[field];
  return { d, e: { ...counted.errors }, inc: counted.discoveryComplete ? 0 : 1, w: [...counted.warnings] };
}

export const maxPagesWarning = (site: Site) => `stopped at maxPages (${site.maxPages}) for site ${site.id}`;

/** The run's CrawlStats from its frontier at the crawl's end. */
export function statsOf(snapshot: FrontierSnapshot, site: Site, now: number): CrawlStats {
  const { stats: raw, meta } = snapshot;
  const stats = emptyStats();
  for (const field of COUNTED) stats[field] = Number(raw[field] ?? 0);
  for (const [field, value] of Object.entries(raw))
    if (field.startsWith('error:')) stats.errors[field.slice('error:'.length)] = Number(value);
  stats.alreadySettled = Number(raw.alreadySettled ?? 0);
  stats.notDue = Number(raw.notDue ?? 0); // counted by the frontier, once per page and run
  stats.pagesQueued = snapshot.handed;
  stats.reportLinksFound = snapshot.reportLinks;
  stats.seenUrls = [...snapshot.seen].sort();
  stats.warnings = [...snapshot.warnings].sort();
  stats.discoveryComplete = raw.incomplete !== '1';
  if (raw.cutShort === '1') {
    stats.discoveryComplete = false; // pages not fetched are not missing
    if (!stats.warnings.includes(maxPagesWarning(site))) stats.warnings.push(maxPagesWarning(site));
  }
  if (snapshot.reportLinks === 0) {
    // A site that suddenly lists nothing (redesign, challenge, script-filled list) has not lost
    // every report: nothing may be counted missing.
    stats.discoveryComplete = false;
    stats.warnings.push(
      site.render === 'http'
        ? `no report links found on ${site.startUrls.join(', ')}: if the list is filled by JavaScript, set render: browser for site ${site.id}`
        : `no report links found on ${site.startUrls.join(', ')}: check titleKeywords / reportLinkPattern of site ${site.id}`,
    );
  }
  const started = Number(meta.startedAt);
  stats.durationMs = Number.isFinite(started) && started > 0 ? Math.max(0, now - started) : 0;
  return stats;
}

/** What `crawl --wait` shows of the run's crawl, from its frontier's totals (every shard's work). */
export function progressOf(t: Totals): CrawlProgress {
  return {
    listPages: t.listPages,
    reportLinks: t.reportLinks,
    queued: t.queued,
    unchanged: t.unchanged,
    notDue: t.notDue,
  };
}

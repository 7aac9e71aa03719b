// The revisit policy: which known pages a crawl fetches again. A page the store classified as not
// a report (news, notices) rarely turns into one, and re-fetching every one every night spends
// most of a nightly pass's requests on them (4,100 of 5,000 in the pipeline benchmark): such a page
// is fetched again only once its last fetch is older than its period, which is a fixed share of
// the site's `revisitNotReportsDays` per URL, between half of it and all of it, so pages first seen
// the same night come due on different nights. Report pages (their changes are what users watch),
// pages that held a report (their next answers decide whether it is removed) and pages that failed
// are fetched every crawl, conditionally.

const DAY_MS = 86_400_000;

/** What the store knows of a page (packages/db pageStates). */
export type RevisitState = {
  status?: string;
  /** Set when the page holds or held a report. */
  reportId?: string | null;
  /** The last fetch the store saw, or the last conditional fetch that found the page unchanged. */
  lastFetchedAt?: Date | null;
};

/** A share in [0, 1) fixed per URL (FNV-1a, 32 bits): the same every crawl, spread across URLs. */
export function urlShare(url: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** Whether the policy governs this page: a page classified as not a report that never held one. */
export function revisitedLessOften(state: RevisitState | undefined): boolean {
  return state?.status === 'notReport' && !state.reportId;
}

/** The page's revisit period: between half of `days` and all of it, by URL. */
export function revisitPeriodMs(url: string, days: number): number {
  return days * DAY_MS * (1 - urlShare(url) / 2);
}

/** The time the page comes due again, or null when it is due every crawl. */
export function nextRevisitAt(url: string, state: RevisitState | undefined, days: number): Date | null {
  if (days <= 0 || !revisitedLessOften(state) || !state?.lastFetchedAt) return null;
  return new Date(state.lastFetchedAt.getTime() + revisitPeriodMs(url, days));
}

/** Whether a crawl at `now` may leave the page unfetched (it still counts as seen). */
export function notDue(url: string, state: RevisitState | undefined, days: number, now: Date): boolean {
  const at = nextRevisitAt(url, state, days);
  return at !== null && now.getTime() < at.getTime();
}

// Endless lists: a calendar whose month pages link the next month for ever (/2024/01/ → /2024/02/
// → …), a pager whose empty pages still link ?page=N+1. maxPages and maxDepth bound them, but only
// after up to maxPages requests, and a crawl cut short there cannot say what is missing. A chain of
// list pages of one URL template whose numbers keep counting (up or down), none of which found a
// new report, is followed only so far: the site's endlessListLimit pages in a row (default 20).

/** A URL with every run of digits in its path and query as `#`: `/2024/01/` and `/2025/12/` share one. */
export function urlTemplate(url: string): string {
  const u = new URL(url);
  return `${u.origin}${`${u.pathname}${u.search}`.replace(/\d+/g, '#')}`;
}

/** Whether `next` is `page` with other numbers: the next (or previous) page of a calendar or pager. */
export function sameTemplateOtherNumbers(page: string, next: string): boolean {
  return page !== next && urlTemplate(page) === urlTemplate(next);
}

/**
 * The streak a list link carries: one more than its page's when the page found no new report and
 * the link is the page's own template with other numbers, else 0 (a new report, or another kind of
 * page, starts over). A link whose streak passes `limit` is not followed.
 */
export function repeatStreak(page: { url: string; streak: number; foundNewReports: boolean }, link: string): number {
  return !page.foundNewReports && sameTemplateOtherNumbers(page.url, link) ? page.streak + 1 : 0;
}

// How the CLI prints a crawl run and a re-extraction: formatting for people, kept beside the commands.
import type { RunSummary } from '@govwatch/db';
import type { ReextractSummary } from '@govwatch/pipeline';

/** The human summary of a run, as `crawl --wait` and `runs` print it. */
export function formatSummary(s: RunSummary, failures: Array<{ url: string; reason: string | null }> = []): string {
  const st = s.stats as Record<string, unknown>;
  const errors = Object.entries((st.errors as Record<string, number>) ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const o = s.outcomes;
  const lines = [
    `run ${s.id} site ${s.siteId}: ${s.status}${s.error ? ` (${s.error})` : ''}`,
    `  pages fetched ${st.pagesFetched ?? 0} (list ${st.listPagesFetched ?? 0}, not modified ${st.notModified ?? 0}, unchanged bytes ${st.unchangedBytes ?? 0}, not due ${st.notDue ?? 0}), bytes ${st.bytes ?? 0}`,
    `  reports new ${o.created ?? 0} / updated ${o.updated ?? 0} / unchanged ${(o.unchanged ?? 0) + Number(st.notModified ?? 0) + Number(st.unchangedBytes ?? 0)} / duplicate ${o.duplicate ?? 0} / removed ${st.reportsRemoved ?? 0}`,
    `  not reports ${o.notReport ?? 0}, failed ${o.failed ?? 0}, errors ${errors || 'none'}, ${st.durationMs ?? 0} ms`,
  ];
  for (const w of (st.warnings as string[]) ?? []) lines.push(`  warning: ${w}`);
  for (const f of failures) lines.push(`  failed page ${f.url}: ${f.reason ?? 'no reason recorded'}`);
  const more = (o.failed ?? 0) - failures.length;
  if (failures.length > 0 && more > 0) lines.push(`  … and ${more} more failed page${more === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** The line `reextract` prints per site. */
export function formatReextract(s: ReextractSummary): string {
  const o = s.outcomes;
  return (
    `reextract site ${s.siteId} (run ${s.runId}): pages ${s.pages}, changed ${s.changed} ` +
    `(new ${o.created ?? 0}, updated ${o.updated ?? 0}), unchanged ${s.unchanged}, failed ${s.failed}`
  );
}

// The fixture's sections as govwatch sites (DESIGN.md "Site configuration"), and their YAML.
import type { SectionMeta } from './sections.ts';
import type { SiteEntry, SiteYamlOptions } from './types.ts';

export function siteEntries(origin: string, sections: SectionMeta[], options: SiteYamlOptions = {}): SiteEntry[] {
  const host = new URL(origin).host;
  return sections
    .filter((s) => !options.only || options.only.includes(s.id))
    .map((s) => {
      const entry: SiteEntry = {
        id: s.id,
        name: s.name,
        startUrls: s.startPaths.map((p) => origin + p),
        allowedHosts: [host],
        reportLinkPattern: s.reportLinkPattern,
        listLinkPattern: s.listLinkPattern,
        titleKeywords: ['法治政府建设'],
        render: s.render,
        maxPages: s.maxPages,
        maxDepth: s.maxDepth,
        requestsPerSecond: 20,
        allowPrivateNetwork: true,
        ...options.defaults,
        ...options.overrides?.[s.id],
      };
      for (const [k, v] of Object.entries(entry)) if (v === undefined) delete entry[k];
      return entry;
    });
}

function scalar(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(scalar).join(', ')}]`;
  // JSON is a subset of YAML's flow style: strings come out double-quoted and escaped.
  return JSON.stringify(v);
}

export function renderSiteYaml(origin: string, sites: SiteEntry[]): string {
  const lines = [`# Fixture government site at ${origin} (tests/fixture-site), one site per section.`, 'sites:'];
  for (const site of sites) {
    let first = true;
    for (const [k, v] of Object.entries(site)) {
      lines.push(`${first ? '  - ' : '    '}${k}: ${scalar(v)}`);
      first = false;
    }
  }
  return `${lines.join('\n')}\n`;
}

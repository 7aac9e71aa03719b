import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Site, SiteFile } from './site-schema.ts';

/** A site file that cannot be used; `problems` holds every error found, each naming file, site and field. */
export class SiteFileError extends Error {
  override name = 'SiteFileError';
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1 ? problems[0] : `${problems.length} errors in the site file:\n  ${problems.join('\n  ')}`,
    );
  }
}

/** Validate a site file's text; every error at once, each naming the file, the site and the field. */
export function parseSites(text: string, file: string): Site[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new SiteFileError([`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`]);
  }
  const top = SiteFile.safeParse(doc);
  if (!top.success) {
    throw new SiteFileError([`${file}: expected a top-level "sites:" list (${top.error.issues[0]?.message})`]);
  }
  const sites: Site[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  top.data.sites.forEach((raw, index) => {
    const id = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : `#${index + 1}`;
    const at = `${file}: site ${id}`;
    const result = Site.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys')
          problems.push(`${at}: field ${issue.keys.join(', ')}: unknown key(s) ${issue.keys.join(', ')}`);
        else problems.push(`${at}: field ${issue.path.join('.') || '(site)'}: ${issue.message}`);
      }
    }
    const patterns = result.success ? result.data : (raw as Record<string, unknown> | null);
    for (const key of ['reportLinkPattern', 'listLinkPattern'] as const) {
      const pattern = patterns?.[key];
      if (typeof pattern !== 'string') continue;
      try {
        new RegExp(pattern);
      } catch {
        problems.push(`${at}: field ${key}: not a valid regular expression`);
      }
    }
    if (!id.startsWith('#')) {
      if (seen.has(id)) problems.push(`${at}: field id: duplicate id`);
      seen.add(id);
    }
    if (result.success) sites.push(result.data);
  });
  if (problems.length > 0) throw new SiteFileError(problems);
  return sites;
}

export function loadSites(file: string): Site[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SiteFileError([`${file}: cannot read site file (${(err as NodeJS.ErrnoException).code ?? err})`]);
  }
  return parseSites(text, file);
}

export function findSite(sites: Site[], id: string, file: string): Site {
  const site = sites.find((s) => s.id === id);
  if (!site) throw new SiteFileError([`${file}: no site with id ${id} (known: ${sites.map((s) => s.id).join(', ')})`]);
  return site;
}

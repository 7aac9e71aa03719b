// Runs the extractor over two corpora and compares every contract field with the gold record:
// - tests/fixtures/extract/cases (built by tests/fixtures/extract/build-corpus.ts): our own
//   templates, every page must match exactly;
// - tests/fixtures/layouts/cases (built by tests/fixtures/layouts/build-layouts.ts): layouts
//   real government sites use that the first corpus lacked (issue 11); per-field accuracy is
//   reported and must reach MIN_FIELD_ACCURACY on every field.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '@govwatch/extract';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const FIELDS = [
  'isReport',
  'pageKind',
  'title',
  'publishedAt',
  'source',
  'agency',
  'reportYear',
  'text',
  'sections',
  'attachments',
  'contentHash',
] as const;
type Field = (typeof FIELDS)[number];
const MIN_FIELD_ACCURACY = 0.97;

type Case = {
  name: string;
  description: string;
  shape?: string;
  input: { url: string; contentType: string | null; encoding?: string; titleKeywords?: string[] };
  expected: Record<Field, unknown>;
};

function load(dir: string): Case[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Case);
}

function run(dir: string, c: Case) {
  const bytes = readFileSync(join(dir, `${c.name}.html`));
  const record = extract({
    bytes,
    url: c.input.url,
    contentType: c.input.contentType,
    encoding: c.input.encoding,
    titleKeywords: c.input.titleKeywords,
  });
  return { record, got: Object.fromEntries(FIELDS.map((k) => [k, record[k]])) as Record<Field, unknown> };
}

describe('extraction corpus', () => {
  const dir = join(fixtures, 'extract/cases');
  const cases = load(dir);
  it('has at least 40 pages, at least 10 of them non-reports', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.expected.isReport === false).length).toBeGreaterThanOrEqual(10);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.description}`, () => {
      const { record, got } = run(dir, c);
      expect(got).toEqual(c.expected);
      expect(record.url).not.toContain('#');
    });
  }
});

describe('layouts corpus (issue 11)', () => {
  const dir = join(fixtures, 'layouts/cases');
  const cases = load(dir);
  const results = cases.map((c) => ({ c, ...run(dir, c) }));

  it('has at least 40 pages in at least 12 shapes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.shape)).size).toBeGreaterThanOrEqual(12);
  });

  it(`reaches ${MIN_FIELD_ACCURACY} accuracy on every field`, () => {
    const accuracy = {} as Record<Field, number>;
    const misses: string[] = [];
    for (const f of FIELDS) {
      const wrong = results.filter((r) => JSON.stringify(r.got[f]) !== JSON.stringify(r.c.expected[f]));
      accuracy[f] = 1 - wrong.length / results.length;
      for (const r of wrong)
        misses.push(
          `${r.c.name} ${f}: got ${JSON.stringify(r.got[f])?.slice(0, 120)}, want ${JSON.stringify(r.c.expected[f])?.slice(0, 120)}`,
        );
    }
    console.log(
      `layouts corpus, ${results.length} pages, per-field accuracy:\n${FIELDS.map((f) => `  ${f.padEnd(12)} ${(accuracy[f] * 100).toFixed(1)}%`).join('\n')}${misses.length ? `\nmisses:\n  ${misses.join('\n  ')}` : ''}`,
    );
    for (const f of FIELDS)
      expect({ field: f, accuracy: accuracy[f] >= MIN_FIELD_ACCURACY ? 'ok' : accuracy[f] }).toEqual({
        field: f,
        accuracy: 'ok',
      });
  });
});

describe('layouts corpus served on the fixture site', () => {
  const dir = join(fixtures, 'layouts/cases');
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite({ layoutsDir: dir });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('links every page from its index and lists the section only when asked', async () => {
    expect(site.layouts.length).toBe(load(dir).length);
    const index = await (await fetch(`${site.origin}/layouts/index.html`)).text();
    for (const page of site.layouts) expect(index).toContain(`href="${page.path}"`);
    expect(site.sites().map((s) => s.id)).toContain('fixture-layouts');
    const plain = await startFixtureSite();
    try {
      expect(plain.layouts).toEqual([]);
      expect(plain.sites().map((s) => s.id)).not.toContain('fixture-layouts');
    } finally {
      await plain.close();
    }
  });

  it('serves every page byte for byte, and each extracts to its gold record at its served URL', async () => {
    for (const page of site.layouts) {
      const res = await fetch(page.url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(Buffer.from(bytes).equals(readFileSync(join(dir, `${page.name}.html`)))).toBe(true);
      const record = extract({ bytes, url: page.url, contentType: res.headers.get('content-type') });
      // Attachment URLs resolve against the served URL; their names must still match.
      const got = {
        ...Object.fromEntries(FIELDS.map((k) => [k, record[k]])),
        attachments: record.attachments.map((a) => a.name),
      };
      const want = {
        ...page.expected,
        attachments: (page.expected.attachments as Array<{ name: string }>).map((a) => a.name),
      };
      expect({ page: page.name, ...got }).toEqual({ page: page.name, ...want });
    }
  });
});

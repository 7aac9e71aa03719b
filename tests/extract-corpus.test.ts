// Runs the extractor over the corpus in tests/fixtures/extract/cases (built by
// tests/fixtures/extract/build-corpus.ts) and compares every contract field with the expected
// record written from the source documents.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '@govwatch/extract';
import { describe, expect, it } from 'vitest';

const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/extract/cases');
const FIELDS = ['isReport', 'pageKind', 'title', 'publishedAt', 'source', 'agency', 'reportYear', 'text', 'sections', 'attachments', 'contentHash'] as const;

type Case = {
  name: string;
  description: string;
  input: { url: string; contentType: string | null; encoding?: string; titleKeywords?: string[] };
  expected: Record<(typeof FIELDS)[number], unknown>;
};

const cases: Case[] = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(casesDir, f), 'utf8')) as Case);

describe('extraction corpus', () => {
  it('has at least 40 pages, at least 10 of them non-reports', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.expected.isReport === false).length).toBeGreaterThanOrEqual(10);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.description}`, () => {
      const bytes = readFileSync(join(casesDir, `${c.name}.html`));
      const record = extract({ bytes, url: c.input.url, contentType: c.input.contentType, encoding: c.input.encoding, titleKeywords: c.input.titleKeywords });
      const got = Object.fromEntries(FIELDS.map((k) => [k, record[k]]));
      expect(got).toEqual(c.expected);
      expect(record.url).not.toContain('#');
    });
  }
});

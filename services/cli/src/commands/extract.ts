import { readFileSync } from 'node:fs';
import { extract } from '@govwatch/extract';
import { out } from '../context.ts';

export async function extractCommand(file: string, opts: { url: string; contentType?: string; encoding?: string }) {
  const bytes = readFileSync(file);
  const record = extract({ bytes, url: opts.url, contentType: opts.contentType, encoding: opts.encoding });
  await out(JSON.stringify(record));
}

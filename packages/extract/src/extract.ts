import type { ExtractInput, ExtractedRecord } from './record.ts';

// Placeholder until the extractor lands; the helper replaces this file.
export function extract(_input: ExtractInput): ExtractedRecord {
  throw new Error('not implemented');
}

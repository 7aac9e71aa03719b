import { describe, expect, it } from 'vitest';
import { contentHashOf, normalizeForHash } from './hash.ts';

describe('content hash', () => {
  it('ignores spacing, indentation, width forms and invisible characters', () => {
    const a = '一、主要工作\n（一）完善制度，加强监督。';
    const b = '　　一、主要工作  \n\n (一)完善制度,加强监督。\u200b';
    expect(normalizeForHash(a)).toBe(normalizeForHash(b));
    expect(contentHashOf(a)).toBe(contentHashOf(b));
  });
  it('distinguishes different text', () => {
    expect(contentHashOf('二〇二三年')).not.toBe(contentHashOf('二〇二四年'));
    expect(contentHashOf('')).toMatch(/^[0-9a-f]{64}$/);
  });
});

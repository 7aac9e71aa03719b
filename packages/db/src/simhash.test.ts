import { describe, expect, it } from 'vitest';
import { hammingDistance, normalizeForSimhash, SIMHASH_MIN_CHARS, simhash } from './simhash.ts';

// A deterministic pseudo-random CJK text (no fixtures needed for the bit-level properties).
function cjkText(seed: number, length: number): string {
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += String.fromCodePoint(0x4e00 + ((x >>> 0) % 3000));
  }
  return out;
}

describe('simhash', () => {
  it('keeps the fingerprints stored so far (any faster implementation must give the same bits)', () => {
    expect(simhash('一二三四五六七八九十'.repeat(30))).toBe(-5714364166364066569n);
    const spread = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 2000))).join('');
    expect(simhash(spread)).toBe(5558822342214961306n);
    // Report-sized texts (the counters are emptied every 255 shingles) and code points past U+FFFF.
    expect(simhash(cjkText(7, 3000))).toBe(-7644416809810475040n);
    expect(simhash(cjkText(8, 20000))).toBe(1280891485875022929n);
    const astral = Array.from({ length: 700 }, (_, i) =>
      String.fromCodePoint((i % 3 === 0 ? 0x20000 : 0x4e00) + ((i * 7919) % 2000)),
    ).join('');
    expect(simhash(astral)).toBe(281301217806449164n);
  });

  it('gives no fingerprint to texts too short to judge', () => {
    expect(simhash('法治政府建设')).toBeNull();
    expect(simhash(cjkText(1, SIMHASH_MIN_CHARS - 1))).toBeNull();
    expect(simhash(cjkText(1, SIMHASH_MIN_CHARS))).not.toBeNull();
  });

  it('is deterministic and a signed 64-bit value', () => {
    const a = simhash(cjkText(7, 800));
    expect(a).toBe(simhash(cjkText(7, 800)));
    expect(a).not.toBeNull();
    expect(BigInt.asIntN(64, a as bigint)).toBe(a);
  });

  it('ignores whitespace, width and punctuation', () => {
    const text = `一、主要工作\n(一)坚持依法行政,推进“放管服”改革。${cjkText(3, 600)}。二、存在问题:${cjkText(4, 300)}`;
    const variant = `  一 、主要工作\n\n\u3000\u3000（一）坚持依法行政，推进"放管服"改革.${cjkText(3, 600)}. 二、 存在问题：${cjkText(4, 300)}`;
    expect(normalizeForSimhash(variant)).toBe(normalizeForSimhash(text));
    expect(simhash(variant)).toBe(simhash(text));
  });

  it('moves a few bits for a small edit and about half for unrelated texts', () => {
    const base = cjkText(11, 2000);
    const edited = `来源:某某市人民政府网 发布时间:2024-01-15${base.slice(0, 1500)}某某${base.slice(1502)}`;
    const near = hammingDistance(simhash(base) as bigint, simhash(edited) as bigint);
    expect(near).toBeLessThanOrEqual(6);

    const distances: number[] = [];
    for (let i = 0; i < 40; i++) {
      distances.push(
        hammingDistance(simhash(cjkText(100 + i, 1500)) as bigint, simhash(cjkText(200 + i, 1500)) as bigint),
      );
    }
    const mean = distances.reduce((s, d) => s + d, 0) / distances.length;
    expect(mean).toBeGreaterThan(28);
    expect(mean).toBeLessThan(36);
    expect(Math.min(...distances)).toBeGreaterThan(16);
  });

  it('counts differing bits', () => {
    expect(hammingDistance(0n, 0n)).toBe(0);
    expect(hammingDistance(0n, -1n)).toBe(64);
    expect(hammingDistance(1n, 3n)).toBe(1);
    expect(hammingDistance(-(2n ** 63n), 0n)).toBe(1);
    expect(hammingDistance(0x0f0f0f0f0f0f0f0fn, 0n)).toBe(32);
    expect(hammingDistance(5n, 9n)).toBe(hammingDistance(9n, 5n));
  });
});

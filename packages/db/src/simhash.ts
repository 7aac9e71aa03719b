// Near-duplicate fingerprints: 64-bit SimHash (Charikar) over 3-character shingles of the
// normalized text. Pure; no I/O.
//
// Why our own: the npm candidates do not fit. simhash-js (one 1.0.0 release, CommonJS) makes a
// 32-bit hash and keeps only the *last* features after sorting (a splice bug), minhash is a 0.0.x
// browser bundle. The algorithm is twenty lines; the tests in simhash.test.ts pin its properties.
//
// Normalization makes the fingerprint blind to what the contentHash is blind to (NFKC, whitespace)
// and to punctuation altogether, so a copy with other spacing or half-width punctuation shingles
// the same. Each shingle (three code points) is hashed with MurmurHash3 x86_32 under two seeds
// (hi and lo 32 bits): MurmurHash3's finalizer gives every output bit an even chance, which
// SimHash needs; FNV alone mixes short keys poorly in its high bits.

/** Text shorter than this (after normalization) gets no fingerprint: too few shingles to judge. */
export const SIMHASH_MIN_CHARS = 200;

/**
 * Near-duplicates are found in two steps. SimHash picks candidates cheaply (in SQL, over every
 * report): fingerprints at most NEAR_DUPLICATE_MAX_DISTANCE of 64 bits apart. On reports of
 * 1,500–7,000 characters a republished copy lands 0–7 bits away and a different report 21–32
 * (one agency's consecutive years: 27), but short texts make SimHash noisy, so each candidate is
 * then confirmed on the exact 3-shingle sets: Jaccard at least NEAR_DUPLICATE_MIN_JACCARD (copies
 * 0.96–0.99, consecutive years 0.07, a text with a quarter replaced 0.70). Evidence:
 * tests/store-near-duplicate.test.ts prints both tables.
 */
export const NEAR_DUPLICATE_MAX_DISTANCE = 12;
export const NEAR_DUPLICATE_MIN_JACCARD = 0.85;

export function normalizeForSimhash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cc}\p{Cf}]+/gu, '');
}

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** One 32-bit word into MurmurHash3 x86_32's state. */
function mixWord(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = rotl(k, 15);
  k = Math.imul(k, 0x1b873593);
  const x = rotl(h ^ k, 13);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3 x86_32 of three 32-bit words (the shingle's code points). */
function murmur3(a: number, b: number, c: number, seed: number): number {
  return fmix32(mixWord(mixWord(mixWord(seed, a), b), c) ^ 12);
}

const SEED_HI = 0x9747b28c;
const SEED_LO = 0x5bd1e995;

/**
 * 64-bit SimHash of the text as a signed bigint (it goes into a PostgreSQL bigint column), or
 * null when the normalized text is shorter than SIMHASH_MIN_CHARS.
 */
export function simhash(text: string): bigint | null {
  const cps = Array.from(normalizeForSimhash(text), (ch) => ch.codePointAt(0) ?? 0);
  if (cps.length < SIMHASH_MIN_CHARS) return null;
  // Each bit's vote is (ones - zeros) over the shingles: count the ones, without a branch per bit
  // (the store computes this for every report page; the counting loop was most of its CPU).
  const ones = new Int32Array(64);
  const n = cps.length - 2;
  for (let i = 0; i < n; i++) {
    const a = cps[i] as number;
    const b = cps[i + 1] as number;
    const c = cps[i + 2] as number;
    const hi = murmur3(a, b, c, SEED_HI);
    const lo = murmur3(a, b, c, SEED_LO);
    for (let bit = 0; bit < 32; bit++) {
      ones[bit] = (ones[bit] as number) + ((lo >>> bit) & 1);
      ones[bit + 32] = (ones[bit + 32] as number) + ((hi >>> bit) & 1);
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * (ones[bit] as number) > n) lo |= 1 << bit;
    if (2 * (ones[bit + 32] as number) > n) hi |= 1 << bit;
  }
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits between two fingerprints (0–64). */
export function hammingDistance(a: bigint, b: bigint): number {
  const x = BigInt.asUintN(64, a ^ b);
  return popcount32(Number(x & 0xffffffffn)) + popcount32(Number(x >> 32n));
}

/** The set of 3-code-point shingles of the normalized text. */
export function shingles(text: string): Set<string> {
  const chars = Array.from(normalizeForSimhash(text));
  const out = new Set<string>();
  for (let i = 0; i + 2 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  return out;
}

/** Jaccard similarity of two texts' shingle sets (1 for two empty texts). */
export function shingleJaccard(a: string | Set<string>, b: string | Set<string>): number {
  const sa = typeof a === 'string' ? shingles(a) : a;
  const sb = typeof b === 'string' ? shingles(b) : b;
  if (sa.size === 0 && sb.size === 0) return 1;
  let common = 0;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  for (const s of small) if (large.has(s)) common++;
  return common / (sa.size + sb.size - common);
}

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
  const cps = codePoints(normalizeForSimhash(text));
  if (cps.length < SIMHASH_MIN_CHARS) return null;
  // Each bit's vote is (ones - zeros) over the shingles: count the ones. Four counters share a
  // word, one per byte (lanes[k] counts bits k, k+8, k+16 and k+24 of the low half, lanes[8+k] of
  // the high half), so a shingle is 16 additions instead of 64; the bytes are emptied into `ones`
  // before they can overflow (the store computes this for every report page; the counting was
  // most of its JavaScript CPU).
  const lanes = new Int32Array(16);
  const ones = new Int32Array(64);
  const n = cps.length - 2;
  let pending = 0;
  for (let i = 0; i < n; i++) {
    const a = cps[i] as number;
    const b = cps[i + 1] as number;
    const c = cps[i + 2] as number;
    const lo = murmur3(a, b, c, SEED_LO);
    const hi = murmur3(a, b, c, SEED_HI);
    for (let k = 0; k < 8; k++) {
      lanes[k] = (lanes[k] as number) + ((lo >>> k) & 0x01010101);
      lanes[k + 8] = (lanes[k + 8] as number) + ((hi >>> k) & 0x01010101);
    }
    if (++pending === 255 || i === n - 1) {
      emptyLanes(lanes, ones);
      pending = 0;
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

/** Move the byte counters into ones[bit] (bits 0–31 the low half, 32–63 the high) and zero them. */
function emptyLanes(lanes: Int32Array, ones: Int32Array): void {
  for (let k = 0; k < 8; k++) {
    for (let half = 0; half < 2; half++) {
      const word = lanes[half * 8 + k] as number;
      for (let byte = 0; byte < 4; byte++) {
        const bit = half * 32 + byte * 8 + k;
        ones[bit] = (ones[bit] as number) + ((word >>> (byte * 8)) & 0xff);
      }
      lanes[half * 8 + k] = 0;
    }
  }
}

/** The text's code points (a surrogate pair is one). */
function codePoints(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    out[n++] = cp;
  }
  return out.subarray(0, n);
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

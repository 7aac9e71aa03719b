// src/simhash.ts
var SIMHASH_MIN_CHARS = 200;
var NEAR_DUPLICATE_MAX_DISTANCE = 12;
var NEAR_DUPLICATE_MIN_JACCARD = 0.85;
function normalizeForSimhash(text) {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}\p{Cc}\p{Cf}]+/gu, "");
}
var rotl = (x, r) => x << r | x >>> 32 - r;
function fmix32(h) {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 2246822507);
  x ^= x >>> 13;
  x = Math.imul(x, 3266489909);
  x ^= x >>> 16;
  return x >>> 0;
}
function murmur3(a, b, c, seed) {
  let h = seed;
  for (const word of [a, b, c]) {
    let k = Math.imul(word, 3432918353);
    k = rotl(k, 15);
    k = Math.imul(k, 461845907);
    h ^= k;
    h = rotl(h, 13);
    h = Math.imul(h, 5) + 3864292196 | 0;
  }
  h ^= 12;
  return fmix32(h);
}
var SEED_HI = 2538058380;
var SEED_LO = 1540483477;
function simhash(text) {
  const cps = Array.from(normalizeForSimhash(text), (ch) => ch.codePointAt(0) ?? 0);
  if (cps.length < SIMHASH_MIN_CHARS) return null;
  const votes = new Int32Array(64);
  for (let i = 0; i + 2 < cps.length; i++) {
    const a = cps[i] ?? 0;
    const b = cps[i + 1] ?? 0;
    const c = cps[i + 2] ?? 0;
    const hi2 = murmur3(a, b, c, SEED_HI);
    const lo2 = murmur3(a, b, c, SEED_LO);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit] = (votes[bit] ?? 0) + (lo2 >>> bit & 1 ? 1 : -1);
      votes[bit + 32] = (votes[bit + 32] ?? 0) + (hi2 >>> bit & 1 ? 1 : -1);
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((votes[bit] ?? 0) > 0) lo |= 1 << bit;
    if ((votes[bit + 32] ?? 0) > 0) hi |= 1 << bit;
  }
  return BigInt.asIntN(64, BigInt(hi >>> 0) << 32n | BigInt(lo >>> 0));
}
function popcount32(x) {
  let v = x - (x >>> 1 & 1431655765);
  v = (v & 858993459) + (v >>> 2 & 858993459);
  return Math.imul(v + (v >>> 4) & 252645135, 16843009) >>> 24 & 255;
}
function hammingDistance(a, b) {
  const x = BigInt.asUintN(64, a ^ b);
  return popcount32(Number(x & 0xffffffffn)) + popcount32(Number(x >> 32n));
}
function shingles(text) {
  const chars = Array.from(normalizeForSimhash(text));
  const out = /* @__PURE__ */ new Set();
  for (let i = 0; i + 2 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  return out;
}
function shingleJaccard(a, b) {
  const sa = typeof a === "string" ? shingles(a) : a;
  const sb = typeof b === "string" ? shingles(b) : b;
  if (sa.size === 0 && sb.size === 0) return 1;
  let common = 0;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  for (const s of small) if (large.has(s)) common++;
  return common / (sa.size + sb.size - common);
}
export {
  NEAR_DUPLICATE_MAX_DISTANCE,
  NEAR_DUPLICATE_MIN_JACCARD,
  SIMHASH_MIN_CHARS,
  hammingDistance,
  normalizeForSimhash,
  shingleJaccard,
  shingles,
  simhash
};
//# sourceMappingURL=simhash.js.map

/**
 * MurmurHash3 x64 128-bit (Austin Appleby's public-domain algorithm) over bytes with a 64-bit seed, returning the
 * two 64-bit halves unsigned. DataSketches hashes every item this way (seed 9001) before it becomes an HLL coupon.
 */
const MASK = (1n << 64n) - 1n;
const C1 = 0x87c37b91114253d5n;
const C2 = 0x4cf5ad432745937fn;

const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & MASK;

function fmix(k: bigint): bigint {
  let x = k;
  x ^= x >> 33n;
  x = (x * 0xff51afd7ed558ccdn) & MASK;
  x ^= x >> 33n;
  x = (x * 0xc4ceb9fe1a85ec53n) & MASK;
  x ^= x >> 33n;
  return x;
}

const mixK1 = (k: bigint): bigint => (rotl((k * C1) & MASK, 31n) * C2) & MASK;
const mixK2 = (k: bigint): bigint => (rotl((k * C2) & MASK, 33n) * C1) & MASK;

/** Little-endian 64-bit word of `bytes` at `offset`, reading only the `count` bytes present. */
function wordAt(bytes: Uint8Array, offset: number, count = 8): bigint {
  let word = 0n;
  for (let i = count - 1; i >= 0; i--) word = (word << 8n) | BigInt(bytes[offset + i] as number);
  return word;
}

export function murmur3x64128(bytes: Uint8Array, seed: bigint): [bigint, bigint] {
  let h1 = seed & MASK;
  let h2 = seed & MASK;
  const blocks = Math.floor(bytes.length / 16);
  for (let b = 0; b < blocks; b++) {
    const k1 = wordAt(bytes, b * 16);
    const k2 = wordAt(bytes, b * 16 + 8);
    h1 ^= mixK1(k1);
    h1 = (((rotl(h1, 27n) + h2) & MASK) * 5n + 0x52dce729n) & MASK;
    h2 ^= mixK2(k2);
    h2 = (((rotl(h2, 31n) + h1) & MASK) * 5n + 0x38495ab5n) & MASK;
  }
  const tail = blocks * 16;
  const rest = bytes.length - tail;
  if (rest > 8) h2 ^= mixK2(wordAt(bytes, tail + 8, rest - 8));
  if (rest > 0) h1 ^= mixK1(wordAt(bytes, tail, Math.min(rest, 8)));
  const length = BigInt(bytes.length);
  h1 ^= length;
  h2 ^= length;
  h1 = (h1 + h2) & MASK;
  h2 = (h2 + h1) & MASK;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = (h1 + h2) & MASK;
  h2 = (h2 + h1) & MASK;
  return [h1, h2];
}

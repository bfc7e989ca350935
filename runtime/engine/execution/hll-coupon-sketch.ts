/**
 * The Apache DataSketches HLL sketch (HLL_8 target, as Spark's hll_* functions use it) in its two exact modes:
 * LIST (coupons in arrival order, 8 slots) and SET (an open-addressing table of coupons that doubles past 3/4
 * full). A coupon packs the 26 low bits of the item's first MurmurHash3 half with 1 + the leading zeros of the
 * second (capped at 63). Past 3/4 of 2^(lgK - 3) coupons (or 8 when lgK < 8) DataSketches switches to HLL
 * registers with a HIP estimator; that mode is reported as not supported locally rather than answered differently.
 * The byte image is DataSketches' updatable serialisation (little-endian), which Spark returns and ships.
 */

import { SparkRuntimeException } from "../../errors/index.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import { murmur3x64128 } from "../functions/murmur3-128.js";

const HASH_SEED = 9001n;
const KEY_MASK_26 = 0x3ffffff;
const LIST_LG_SIZE = 3;
const SET_LG_SIZE = 5;
const FAMILY_HLL = 7;
const SERIAL_VERSION = 1;
const EMPTY_FLAG = 4;
const COMPACT_FLAG = 8;
const HLL_8_MODE_BITS = 2 << 2;
const LIST_DATA_START = 8;
const SET_DATA_START = 12;

/** The first points of DataSketches' coupon-count-to-cardinality mapping (enough for every exact-mode count). */
const COUPON_X = [0, 1, 20, 400, 8000, 160000, 300000, 600000];
const COUPON_Y = [
  0, 1, 20.00000094374026, 400.0003963713384, 8000.158929460209, 160063.60677637596, 300223.70715976635,
  600895.593385617,
];

function leadingZeros64(x: bigint): number {
  const high = Number(x >> 32n);
  return high !== 0 ? Math.clz32(high) : 32 + Math.clz32(Number(x & 0xffffffffn));
}

export function couponOf(bytes: Uint8Array): number {
  const [h0, h1] = murmur3x64128(bytes, HASH_SEED);
  const value = Math.min(leadingZeros64(h1), 62) + 1;
  return (value << 26) | (Number(h0 & 0x3ffffffn) & KEY_MASK_26) | 0;
}

export function invalidSketchBuffer(fn: string) {
  return sparkError(
    SparkRuntimeException,
    "HLL_INVALID_INPUT_SKETCH_BUFFER",
    "22546",
    `Invalid call to \`${fn}\`; only valid HLL sketch buffers are supported as inputs (such as those produced by the \`hll_sketch_agg\` function).`,
    { function: `\`${fn}\`` },
  );
}

export class HllCouponSketch {
  private mode: "list" | "set" = "list";
  private lgArr = LIST_LG_SIZE;
  private coupons = new Int32Array(1 << LIST_LG_SIZE);
  private count = 0;

  constructor(readonly lgK: number) {}

  get isEmpty(): boolean {
    return this.count === 0;
  }

  get isSet(): boolean {
    return this.mode === "set";
  }

  copy(): HllCouponSketch {
    const copy = new HllCouponSketch(this.lgK);
    copy.mode = this.mode;
    copy.lgArr = this.lgArr;
    copy.coupons = this.coupons.slice();
    copy.count = this.count;
    return copy;
  }

  updateBytes(bytes: Uint8Array): void {
    // DataSketches ignores empty strings and byte strings.
    if (bytes.length > 0) this.updateCoupon(couponOf(bytes));
  }

  /** Integral items hash as one little-endian long. */
  updateLong(value: bigint): void {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, value), true);
    this.updateCoupon(couponOf(bytes));
  }

  updateCoupon(coupon: number): void {
    if (this.mode === "list") {
      const slot = this.coupons.findIndex((c) => c === 0 || c === coupon);
      if (this.coupons[slot] === coupon) return;
      this.coupons[slot] = coupon;
      this.count++;
      if (this.count < this.coupons.length) return;
      if (this.lgK < 8) throw this.hllMode();
      const listed = this.coupons;
      this.mode = "set";
      this.lgArr = SET_LG_SIZE;
      this.coupons = new Int32Array(1 << SET_LG_SIZE);
      this.count = 0;
      for (const c of listed) this.updateCoupon(c);
      return;
    }
    const index = findSlot(this.coupons, this.lgArr, coupon);
    if (index >= 0) return;
    this.coupons[~index] = coupon;
    this.count++;
    if (4 * this.count > 3 * (1 << this.lgArr)) {
      if (this.lgArr === this.lgK - 3) throw this.hllMode();
      this.lgArr++;
      const old = this.coupons;
      this.coupons = new Int32Array(1 << this.lgArr);
      for (const c of old) if (c !== 0) this.coupons[~findSlot(this.coupons, this.lgArr, c)] = c;
    }
  }

  private hllMode() {
    return notSupportedLocally(
      `HLL sketches past their exact coupon modes (about ${this.count} distinct values at lgConfigK ${this.lgK}; DataSketches' HLL register mode)`,
    );
  }

  /** Adds another sketch's coupons in its array order, as DataSketches' union does for LIST and SET sources. */
  absorb(other: HllCouponSketch): void {
    for (const c of other.coupons) if (c !== 0) this.updateCoupon(c);
  }

  estimate(): number {
    return Math.max(cubicInterpolate(this.count), this.count);
  }

  toBytes(): Uint8Array {
    const list = this.mode === "list";
    const start = list ? LIST_DATA_START : SET_DATA_START;
    const out = new Uint8Array(start + 4 * this.coupons.length);
    const view = new DataView(out.buffer);
    out.set([list ? 2 : 3, SERIAL_VERSION, FAMILY_HLL, this.lgK, this.lgArr, this.isEmpty ? EMPTY_FLAG : 0]);
    out[6] = list ? this.count : 0;
    out[7] = HLL_8_MODE_BITS | (list ? 0 : 1);
    if (!list) view.setInt32(8, this.count, true);
    for (let i = 0; i < this.coupons.length; i++) view.setInt32(start + 4 * i, this.coupons[i] as number, true);
    return out;
  }

  /** Reads an updatable or compact LIST/SET image of any target type; other bytes are an invalid buffer. */
  static fromBytes(bytes: Uint8Array, fn: string): HllCouponSketch {
    if (bytes.length < 8 || bytes[1] !== SERIAL_VERSION || bytes[2] !== FAMILY_HLL) throw invalidSketchBuffer(fn);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const lgK = bytes[3] as number;
    const mode = (bytes[7] as number) & 3;
    if (lgK < 4 || lgK > 21) throw invalidSketchBuffer(fn);
    if (mode === 2) {
      throw notSupportedLocally(`reading HLL sketches in DataSketches' HLL register mode (in ${fn})`);
    }
    const sketch = new HllCouponSketch(lgK);
    const compact = ((bytes[5] as number) & COMPACT_FLAG) !== 0;
    const start = mode === 0 ? LIST_DATA_START : SET_DATA_START;
    const count = mode === 0 ? (bytes[6] as number) : bytes.length >= 12 ? view.getInt32(8, true) : -1;
    const slots = compact ? count : 1 << (bytes[4] as number);
    if (count < 0 || start + 4 * slots > bytes.length) throw invalidSketchBuffer(fn);
    const stored = Array.from({ length: slots }, (_, i) => view.getInt32(start + 4 * i, true));
    if (mode === 0 || compact) {
      for (const c of stored) if (c !== 0) sketch.updateCoupon(c);
    } else {
      sketch.mode = "set";
      sketch.lgArr = bytes[4] as number;
      sketch.coupons = Int32Array.from(stored);
      sketch.count = count;
    }
    return sketch;
  }
}

/** Open addressing with DataSketches' stride; ~slot for an empty slot, the slot itself for a duplicate. */
function findSlot(table: Int32Array, lgArr: number, coupon: number): number {
  const mask = table.length - 1;
  let probe = coupon & mask;
  const start = probe;
  do {
    const held = table[probe] as number;
    if (held === 0) return ~probe;
    if (held === coupon) return probe;
    const stride = ((coupon & KEY_MASK_26) >>> lgArr) | 1;
    probe = (probe + stride) & mask;
  } while (probe !== start);
  throw new Error("HLL coupon table is full");
}

/** DataSketches' cubic (Lagrange) interpolation through the four table points around x. */
function cubicInterpolate(x: number): number {
  const last = COUPON_X.length - 1;
  if (x >= (COUPON_X[last] as number)) return x;
  let offset = 0;
  while ((COUPON_X[offset + 1] as number) <= x) offset++;
  const at = offset === 0 ? 0 : offset === last - 1 ? offset - 2 : offset - 1;
  const xs = COUPON_X.slice(at, at + 4);
  const ys = COUPON_Y.slice(at, at + 4);
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    let numer = 1;
    let denom = 1;
    for (let j = 0; j < 4; j++) {
      if (j === i) continue;
      numer *= x - (xs[j] as number);
      denom *= (xs[i] as number) - (xs[j] as number);
    }
    sum += ((ys[i] as number) * numer) / denom;
  }
  return sum;
}

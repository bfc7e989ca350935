/**
 * An open-addressing hash table over typed arrays mapping key tuples to dense group ids (0, 1, 2, …). Used by
 * hash aggregation (find-or-insert) and hash join (insert the build side, probe with find). Keys are compared
 * with Spark's grouping equality: NULL equals NULL, NaN equals NaN, -0.0 equals 0.0.
 */
import {
  allocateData,
  type ColumnVector,
  columnFromScalars,
  type MapValue,
  type Scalar,
} from "../columnar/column-vector.js";
import { hashColumns } from "../shuffle/murmur3.js";
import { type DataType, typeName } from "../types/data-types.js";

const EMPTY = -1;

const isMapValue = (v: Scalar): v is MapValue =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

/**
 * The first slot for a hash: its top bits after a multiplicative (Fibonacci) mix. Not the low bits alone: a
 * shuffle partition holds rows whose Spark hashes agree modulo the partition count, i.e. share low bits, which
 * would crowd them into a fraction of the slots.
 */
const firstSlot = (hash: number, capacity: number): number =>
  // capacity is a power of two 2^k, so clz32(capacity) + 1 = 32 - k: keep the top k bits.
  Math.imul(hash, 0x9e3779b1) >>> (Math.clz32(capacity) + 1);

function normalize(value: Scalar, type: DataType): Scalar {
  if (type.kind.case === "double" || type.kind.case === "float") {
    const n = value as number;
    return n === 0 ? 0 : n;
  }
  return value;
}

/** Grouping equality, element by element inside arrays, structs and maps (whose values are plain data). */
function sameKey(a: Scalar, b: Scalar): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = a as readonly Scalar[];
    const y = b as readonly Scalar[];
    return x.length === y.length && x.every((v, i) => sameKey(v, y[i] ?? null));
  }
  if (isMapValue(a) && isMapValue(b)) return sameKey(a.keys, b.keys) && sameKey(a.values, b.values);
  return false;
}

/** Key types whose values are one or two 32-bit words: compared and stored without boxing (see WordKeyTable). */
const WORD_KEY_TYPES = new Set(["byte", "short", "integer", "date", "long", "timestamp", "timestampNtz"]);

/**
 * The keys of a single integral key column as 32-bit words: `lo` and, for 64-bit types, `hi` (read through an
 * Int32Array view of the BigInt64Array, so no BigInt per row): word 2i is the low half of row i, 2i+1 the high.
 */
interface RowWords {
  readonly words: Int32Array | Int16Array | Int8Array;
  readonly wide: boolean;
}

function rowWordsOf(column: ColumnVector): RowWords {
  const data = column.data;
  if (data instanceof BigInt64Array) {
    return { words: new Int32Array(data.buffer, data.byteOffset, data.length * 2), wide: true };
  }
  return { words: data as Int32Array, wide: false };
}

/**
 * A hash table for a single integral key column: each slot holds [group id + 1, low word, high word, hash] side
 * by side, so a probe touches one cache line and boxes nothing. Keys by group id are kept for keyColumns.
 */
class WordKeyTable {
  private entries: Int32Array;
  private mask: number;
  lo = new Int32Array(256);
  hi = new Int32Array(256);
  count = 0;
  nullGroup = -1;

  constructor(capacity: number) {
    this.entries = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
  }

  /** The group of a NULL key (NULL groups with NULL), or -1 when absent and not inserting. */
  nullKey(insert: boolean): number {
    if (this.nullGroup < 0 && insert) this.nullGroup = this.addKey(0, 0);
    return this.nullGroup;
  }

  find(lo: number, hi: number, hash: number, insert: boolean): number {
    const entries = this.entries;
    let slot = firstSlot(hash, this.mask + 1);
    for (;;) {
      const at = slot << 2;
      const stored = entries[at] as number;
      if (stored === 0) {
        if (!insert) return -1;
        const id = this.addKey(lo, hi);
        entries[at] = id + 1;
        entries[at + 1] = lo;
        entries[at + 2] = hi;
        entries[at + 3] = hash;
        if (this.count * 2 > this.mask + 1) this.grow();
        return id;
      }
      if (entries[at + 1] === lo && entries[at + 2] === hi) return stored - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  private addKey(lo: number, hi: number): number {
    const id = this.count++;
    if (id >= this.lo.length) {
      const grow = (a: Int32Array) => {
        const next = new Int32Array(a.length * 2);
        next.set(a);
        return next;
      };
      this.lo = grow(this.lo);
      this.hi = grow(this.hi);
    }
    this.lo[id] = lo;
    this.hi[id] = hi;
    return id;
  }

  private grow(): void {
    const old = this.entries;
    const capacity = (this.mask + 1) * 2;
    this.entries = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === 0) continue;
      let slot = firstSlot(old[at + 3] as number, capacity);
      while (this.entries[slot << 2] !== 0) slot = (slot + 1) & this.mask;
      this.entries.set(old.subarray(at, at + 4), slot << 2);
    }
  }

  column(type: DataType): ColumnVector {
    const n = this.count;
    const validity = this.nullGroup < 0 ? null : new Uint8Array(n).fill(1);
    if (validity !== null) validity[this.nullGroup] = 0;
    const kind = type.kind.case;
    if (kind === "long" || kind === "timestamp" || kind === "timestampNtz") {
      const words = new Int32Array(n * 2);
      for (let g = 0; g < n; g++) {
        words[2 * g] = this.lo[g] as number;
        words[2 * g + 1] = this.hi[g] as number;
      }
      return { type, length: n, data: new BigInt64Array(words.buffer), validity };
    }
    const data = allocateData(type, n) as Int32Array;
    for (let g = 0; g < n; g++) data[g] = this.lo[g] as number;
    return { type, length: n, data, validity };
  }
}

export class GroupTable {
  private slots: Int32Array;
  private slotHashes: Int32Array;
  private mask: number;
  /** Key values per column, indexed by group id (null = SQL NULL). */
  private readonly keyValues: Scalar[][];
  private readonly groupHashes: number[] = [];
  /** Set when there is a single integral key column: its keys then live here, not in keyValues. */
  private readonly wordKeys: WordKeyTable | null;

  constructor(
    private readonly keyTypes: readonly DataType[],
    initialCapacity = 1024,
  ) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity <<= 1;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.slotHashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.keyValues = keyTypes.map(() => []);
    const [only] = keyTypes;
    this.wordKeys =
      keyTypes.length === 1 && only !== undefined && WORD_KEY_TYPES.has(typeName(only))
        ? new WordKeyTable(capacity)
        : null;
  }

  get size(): number {
    return this.wordKeys?.count ?? this.groupHashes.length;
  }

  /** Group id per row, inserting new groups as needed. */
  findOrInsert(keys: readonly ColumnVector[], numRows: number): Int32Array {
    return this.lookup(keys, numRows, true);
  }

  /** Group id per row, or -1 when the key is absent. */
  find(keys: readonly ColumnVector[], numRows: number): Int32Array {
    return this.lookup(keys, numRows, false);
  }

  private lookup(keys: readonly ColumnVector[], numRows: number, insert: boolean): Int32Array {
    if (this.wordKeys !== null) return this.lookupWords(this.wordKeys, keys[0] as ColumnVector, numRows, insert);
    const hashes = hashColumns(keys, numRows);
    const out = new Int32Array(numRows);
    const values = keys.map((k) => k.data as unknown as ArrayLike<Scalar>);
    const rowKey = (c: number, row: number): Scalar => {
      const column = keys[c] as ColumnVector;
      if (column.validity !== null && column.validity[row] === 0) return null;
      return normalize((values[c] as ArrayLike<Scalar>)[row] as Scalar, column.type);
    };
    for (let row = 0; row < numRows; row++) {
      const hash = hashes[row] as number;
      let slot = firstSlot(hash, this.slots.length);
      for (;;) {
        const group = this.slots[slot] as number;
        if (group === EMPTY) {
          if (!insert) {
            out[row] = -1;
            break;
          }
          const id = this.groupHashes.length;
          this.groupHashes.push(hash);
          for (let c = 0; c < keys.length; c++) (this.keyValues[c] as Scalar[]).push(rowKey(c, row));
          this.slots[slot] = id;
          this.slotHashes[slot] = hash;
          out[row] = id;
          if (this.groupHashes.length * 2 > this.slots.length) this.grow();
          break;
        }
        if (this.slotHashes[slot] === hash && this.matches(group, keys, rowKey, row)) {
          out[row] = group;
          break;
        }
        slot = (slot + 1) & this.mask;
      }
    }
    return out;
  }

  /** lookup for a single integral key column: compares words, boxes nothing. */
  private lookupWords(table: WordKeyTable, column: ColumnVector, numRows: number, insert: boolean): Int32Array {
    const hashes = hashColumns([column], numRows);
    const out = new Int32Array(numRows);
    const { words, wide } = rowWordsOf(column);
    const validity = column.validity;
    for (let row = 0; row < numRows; row++) {
      if (validity !== null && validity[row] === 0) out[row] = table.nullKey(insert);
      else if (wide) {
        out[row] = table.find(words[2 * row] as number, words[2 * row + 1] as number, hashes[row] as number, insert);
      } else out[row] = table.find(words[row] as number, 0, hashes[row] as number, insert);
    }
    return out;
  }

  private matches(
    group: number,
    keys: readonly ColumnVector[],
    rowKey: (c: number, row: number) => Scalar,
    row: number,
  ): boolean {
    for (let c = 0; c < keys.length; c++) {
      if (!sameKey((this.keyValues[c] as Scalar[])[group] as Scalar, rowKey(c, row))) return false;
    }
    return true;
  }

  private grow(): void {
    const capacity = this.slots.length * 2;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.slotHashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.groupHashes.forEach((hash, id) => {
      let slot = firstSlot(hash, capacity);
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
      this.slotHashes[slot] = hash;
    });
  }

  /** The distinct keys as columns, in group id order. */
  keyColumns(): ColumnVector[] {
    if (this.wordKeys !== null) return [this.wordKeys.column(this.keyTypes[0] as DataType)];
    return this.keyTypes.map((type, c) => {
      const values = (this.keyValues[c] as Scalar[]).map((v) =>
        type.kind.case === "boolean" && v !== null ? v === 1 || v === true : v,
      );
      return columnFromScalars(type, values);
    });
  }
}

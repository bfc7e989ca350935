/**
 * An open-addressing hash table over typed arrays mapping key tuples to dense group ids (0, 1, 2, …). Used by
 * hash aggregation (find-or-insert) and hash join (insert the build side, probe with find). Keys are compared
 * with Spark's grouping equality: NULL equals NULL, NaN equals NaN, -0.0 equals 0.0.
 */
import { type ColumnVector, columnFromScalars, type MapValue, type Scalar } from "../columnar/column-vector.js";
import { hashColumns } from "../shuffle/murmur3.js";
import type { DataType } from "../types/data-types.js";

const EMPTY = -1;

const isMapValue = (v: Scalar): v is MapValue =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

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

export class GroupTable {
  private slots: Int32Array;
  private slotHashes: Int32Array;
  private mask: number;
  /** Key values per column, indexed by group id (null = SQL NULL). */
  private readonly keyValues: Scalar[][];
  private readonly groupHashes: number[] = [];

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
  }

  get size(): number {
    return this.groupHashes.length;
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
      let slot = hash & this.mask;
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
      let slot = hash & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
      this.slotHashes[slot] = hash;
    });
  }

  /** The distinct keys as columns, in group id order. */
  keyColumns(): ColumnVector[] {
    return this.keyTypes.map((type, c) => {
      const values = (this.keyValues[c] as Scalar[]).map((v) =>
        type.kind.case === "boolean" && v !== null ? v === 1 || v === true : v,
      );
      return columnFromScalars(type, values);
    });
  }
}

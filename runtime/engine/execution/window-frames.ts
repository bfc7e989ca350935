/**
 * The row geometry of a window operator's input (one task's rows, sorted by partition keys then order keys):
 * where each window partition starts, which rows are peers (equal order keys), and each row's frame.
 */
import type { ColumnVector } from "../columnar/column-vector.js";
import { comparatorFor } from "../columnar/value-order.js";
import type { FrameBound, WindowFrame } from "../logical/window-functions.js";
import { decimalParts } from "../types/data-types.js";

/** Whether rows `a` and `b` hold equal values in every column (two nulls are equal here, as in grouping). */
function sameKeys(columns: readonly ColumnVector[], compares: readonly ((x: unknown, y: unknown) => number)[]) {
  return (a: number, b: number): boolean => {
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c] as ColumnVector;
      const aNull = column.validity !== null && column.validity[a] === 0;
      const bNull = column.validity !== null && column.validity[b] === 0;
      if (aNull || bNull) {
        if (aNull && bNull) continue;
        return false;
      }
      const values = column.data as unknown as ArrayLike<unknown>;
      if ((compares[c] as (x: unknown, y: unknown) => number)(values[a], values[b]) !== 0) return false;
    }
    return true;
  };
}

/** Start offsets of each window partition, plus the row count at the end: [0, s1, s2, ..., n]. */
export function partitionStarts(keys: readonly ColumnVector[], numRows: number): number[] {
  const starts = [0];
  if (numRows === 0) return starts;
  const same = sameKeys(
    keys,
    keys.map((k) => comparatorFor(k.type)),
  );
  for (let i = 1; i < numRows; i++) if (!same(i - 1, i)) starts.push(i);
  starts.push(numRows);
  return starts;
}

/** For each row, the first row of its peer group and one past the last (peers never cross a partition). */
export interface Peers {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

export function peerGroups(orderKeys: readonly ColumnVector[], starts: readonly number[], numRows: number): Peers {
  const start = new Int32Array(numRows);
  const end = new Int32Array(numRows);
  const same = sameKeys(
    orderKeys,
    orderKeys.map((k) => comparatorFor(k.type)),
  );
  for (let p = 0; p + 1 < starts.length; p++) {
    const ps = starts[p] as number;
    const pe = starts[p + 1] as number;
    let groupStart = ps;
    for (let i = ps; i < pe; i++) {
      if (i > ps && !same(i - 1, i)) {
        end.fill(i, groupStart, i);
        groupStart = i;
      }
      start[i] = groupStart;
    }
    end.fill(pe, groupStart, pe);
  }
  return { start, end };
}

/** The single order key a RANGE frame with offsets measures distances on. */
export interface RangeKey {
  readonly column: ColumnVector;
  readonly ascending: boolean;
}

/** Each row's frame as [lo, hi) row indices (lo >= hi means an empty frame). */
export interface Frames {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
}

function keyNumber(column: ColumnVector, row: number): number {
  const value = (column.data as unknown as ArrayLike<unknown>)[row];
  if (typeof value === "bigint") {
    if (column.type.kind.case === "decimal") return Number(value) / 10 ** decimalParts(column.type).scale;
    return Number(value);
  }
  return value as number;
}

export function frameBounds(
  frame: WindowFrame,
  starts: readonly number[],
  peers: Peers,
  numRows: number,
  rangeKey: RangeKey | undefined,
): Frames {
  const lo = new Int32Array(numRows);
  const hi = new Int32Array(numRows);
  for (let p = 0; p + 1 < starts.length; p++) {
    const ps = starts[p] as number;
    const pe = starts[p + 1] as number;
    const rangeLimits = frame.type === "range" && rangeKey !== undefined ? nonNullSpan(rangeKey, ps, pe) : undefined;
    for (let i = ps; i < pe; i++) {
      lo[i] = boundRow(frame, frame.lower, true, i, ps, pe, peers, rangeKey, rangeLimits);
      hi[i] = boundRow(frame, frame.upper, false, i, ps, pe, peers, rangeKey, rangeLimits);
    }
  }
  return { lo, hi };
}

/** The rows of a partition whose range key is not null (nulls sort together at one end). */
function nonNullSpan(key: RangeKey, ps: number, pe: number): [number, number] {
  const validity = key.column.validity;
  if (validity === null) return [ps, pe];
  let from = ps;
  while (from < pe && validity[from] === 0) from++;
  let to = pe;
  while (to > from && validity[to - 1] === 0) to--;
  return [from, to];
}

function boundRow(
  frame: WindowFrame,
  bound: FrameBound,
  isLower: boolean,
  i: number,
  ps: number,
  pe: number,
  peers: Peers,
  rangeKey: RangeKey | undefined,
  span: [number, number] | undefined,
): number {
  if (bound.kind === "unbounded") return isLower ? ps : pe;
  if (frame.type === "rows") {
    const at = bound.kind === "current" ? i : i + bound.value;
    return Math.max(ps, Math.min(pe, isLower ? at : at + 1));
  }
  if (bound.kind === "current" || rangeKey === undefined || span === undefined) {
    return isLower ? (peers.start[i] as number) : (peers.end[i] as number);
  }
  const column = rangeKey.column;
  // A null key has no distance to anything: its frame is its peers (the other nulls).
  if (column.validity !== null && column.validity[i] === 0) {
    return isLower ? (peers.start[i] as number) : (peers.end[i] as number);
  }
  const direction = rangeKey.ascending ? 1 : -1;
  const target = keyNumber(column, i) + direction * bound.value;
  // Position of the first row past the target in sort order (upper) or the first row at/after it (lower).
  let a = span[0];
  let b = span[1];
  while (a < b) {
    const mid = (a + b) >>> 1;
    const v = keyNumber(column, mid);
    const before = rangeKey.ascending ? (isLower ? v < target : v <= target) : isLower ? v > target : v >= target;
    if (before) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * The window operator: one task's rows, already sorted by partition keys then order keys, get one new column per
 * window function. Ranking and offset functions walk each partition once; aggregates over a frame feed the
 * engine's accumulators (one pass per partition when the frame is the whole partition).
 */
import {
  type Batch,
  type ColumnVector,
  columnFromScalars,
  concatColumns,
  getScalar,
  type Scalar,
  sliceColumn,
  takeRows,
} from "../columnar/column-vector.js";
import { arithmeticOverflow } from "../errors.js";
import type { EvalContext } from "../functions/function-types.js";
import type { WindowColumn, WindowFunction } from "../logical/window-functions.js";
import type { AggregateSpec, PhysicalPlan } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { createAccumulator } from "./accumulators.js";
import { evaluate } from "./expression-evaluator.js";
import { type Frames, frameBounds, type Peers, partitionStarts, peerGroups, type RangeKey } from "./window-frames.js";

type WindowPlan = Extract<PhysicalPlan, { kind: "window" }>;

/** Rows fed to one accumulator at a time when frames overlap (bounds memory for long partitions). */
const CHUNK_ROWS = 1 << 20;

interface Geometry {
  readonly numRows: number;
  readonly starts: readonly number[];
  readonly peers: Peers;
  readonly rangeKey: RangeKey | undefined;
}

export function windowOperator(batch: Batch, plan: WindowPlan, ctx: EvalContext): Batch {
  const numRows = batch.numRows;
  const partitionKeys = plan.partitionBy.map((e) => evaluate(e, batch, ctx));
  const orderKeys = plan.orderBy.map((o) => evaluate(o.expr, batch, ctx));
  const starts = partitionStarts(partitionKeys, numRows);
  const peers = peerGroups(orderKeys, starts, numRows);
  const first = plan.orderBy[0];
  const rangeKey =
    orderKeys.length === 1 && first !== undefined
      ? { column: orderKeys[0] as ColumnVector, ascending: first.ascending }
      : undefined;
  const geometry: Geometry = { numRows, starts, peers, rangeKey };
  const columns = plan.columns.map((c) => windowColumn(c, batch, geometry, ctx));
  return { columns: [...batch.columns, ...columns], numRows };
}

function windowColumn(column: WindowColumn, batch: Batch, g: Geometry, ctx: EvalContext): ColumnVector {
  const fn = column.fn;
  const type = column.attr.type;
  switch (fn.kind) {
    case "ranking":
      return ranking(fn.name, g, type);
    case "ntile":
      return ntile(fn.buckets, g);
    case "offset":
      return offsetValue(fn, batch, g, type, ctx);
    case "nthValue": {
      const frames = frameBounds(column.frame, g.starts, g.peers, g.numRows, g.rangeKey);
      return nthValue(fn, evaluate(fn.input, batch, ctx), frames, type);
    }
    case "aggregate":
      return aggregateOverFrames(fn, column, batch, g, ctx);
  }
}

function forEachPartition(g: Geometry, f: (ps: number, pe: number) => void): void {
  for (let p = 0; p + 1 < g.starts.length; p++) f(g.starts[p] as number, g.starts[p + 1] as number);
}

function ranking(name: string, g: Geometry, type: T.DataType): ColumnVector {
  const out: number[] = new Array(g.numRows);
  forEachPartition(g, (ps, pe) => {
    let dense = 0;
    for (let i = ps; i < pe; i++) {
      const peerStart = g.peers.start[i] as number;
      if (peerStart === i) dense++;
      const rank = peerStart - ps + 1;
      switch (name) {
        case "row_number":
          out[i] = i - ps + 1;
          break;
        case "rank":
          out[i] = rank;
          break;
        case "dense_rank":
          out[i] = dense;
          break;
        case "percent_rank":
          out[i] = pe - ps <= 1 ? 0 : (rank - 1) / (pe - ps - 1);
          break;
        case "cume_dist":
          out[i] = ((g.peers.end[i] as number) - ps) / (pe - ps);
          break;
      }
    }
  });
  return columnFromScalars(type, out);
}

/** Spark's ntile: the first `n % buckets` buckets get one row more than the others. */
function ntile(buckets: number, g: Geometry): ColumnVector {
  const out: number[] = new Array(g.numRows);
  forEachPartition(g, (ps, pe) => {
    const n = pe - ps;
    const size = Math.floor(n / buckets);
    const remainder = n % buckets;
    const bigRows = remainder * (size + 1);
    for (let i = ps; i < pe; i++) {
      const r = i - ps;
      out[i] = r < bigRows ? Math.floor(r / (size + 1)) + 1 : remainder + Math.floor((r - bigRows) / size) + 1;
    }
  });
  return columnFromScalars(T.INT, out);
}

function offsetValue(
  fn: Extract<WindowFunction, { kind: "offset" }>,
  batch: Batch,
  g: Geometry,
  type: T.DataType,
  ctx: EvalContext,
): ColumnVector {
  const input = evaluate(fn.input, batch, ctx);
  const fallback = evaluate(fn.fallback, batch, ctx);
  const out: Scalar[] = new Array(g.numRows);
  const isNull = (row: number) => input.validity !== null && input.validity[row] === 0;
  forEachPartition(g, (ps, pe) => {
    for (let i = ps; i < pe; i++) {
      let target = -1;
      if (!fn.ignoreNulls || fn.offset === 0) {
        const at = i + fn.offset;
        if (at >= ps && at < pe) target = at;
      } else {
        const step = fn.offset > 0 ? 1 : -1;
        let remaining = Math.abs(fn.offset);
        for (let j = i + step; j >= ps && j < pe; j += step) {
          if (!isNull(j) && --remaining === 0) {
            target = j;
            break;
          }
        }
      }
      out[i] = target >= 0 ? getScalar(input, target) : getScalar(fallback, i);
    }
  });
  return columnFromScalars(type, out);
}

function nthValue(
  fn: Extract<WindowFunction, { kind: "nthValue" }>,
  input: ColumnVector,
  frames: Frames,
  type: T.DataType,
): ColumnVector {
  const out: Scalar[] = new Array(input.length);
  const isNull = (row: number) => input.validity !== null && input.validity[row] === 0;
  for (let i = 0; i < input.length; i++) {
    const lo = frames.lo[i] as number;
    const hi = frames.hi[i] as number;
    let picked = -1;
    if (fn.n === 0) {
      for (let j = hi - 1; j >= lo; j--) {
        if (!fn.ignoreNulls || !isNull(j)) {
          picked = j;
          break;
        }
      }
    } else if (!fn.ignoreNulls) {
      if (lo + fn.n - 1 < hi) picked = lo + fn.n - 1;
    } else {
      let remaining = fn.n;
      for (let j = lo; j < hi; j++) {
        if (!isNull(j) && --remaining === 0) {
          picked = j;
          break;
        }
      }
    }
    out[i] = picked >= 0 ? getScalar(input, picked) : null;
  }
  return columnFromScalars(type, out);
}

function aggregateOverFrames(
  fn: Extract<WindowFunction, { kind: "aggregate" }>,
  column: WindowColumn,
  batch: Batch,
  g: Geometry,
  ctx: EvalContext,
): ColumnVector {
  const call = fn.call;
  const spec: AggregateSpec = {
    name: call.name,
    distinct: call.distinct,
    args: call.args,
    inputType: call.args[0]?.type ?? T.NULL,
    resultType: call.type,
    ansi: call.ansi,
  };
  const args = call.args.map((a) => evaluate(a, batch, ctx));
  const { frame } = column;
  if (frame.lower.kind === "unbounded" && frame.upper.kind === "unbounded") {
    // Every row of a partition sees the whole partition: aggregate once per partition, then spread.
    const groups = new Int32Array(g.numRows);
    const rowGroup = new Int32Array(g.numRows);
    forEachPartition(g, (ps, pe) => {
      const id = g.starts.indexOf(ps);
      groups.fill(id, ps, pe);
      rowGroup.fill(id, ps, pe);
    });
    const accumulator = createAccumulator(spec);
    accumulator.update(groups, args);
    return takeRows(accumulator.result(Math.max(0, g.starts.length - 1)), rowGroup);
  }
  const frames = frameBounds(frame, g.starts, g.peers, g.numRows, g.rangeKey);
  if (frame.lower.kind === "unbounded") return runningAggregate(spec, args, frames, g, column.attr.type);
  // One group per output row, fed the rows of its frame in order (the order Spark adds them in).
  const parts: ColumnVector[] = [];
  let row = 0;
  while (row < g.numRows || parts.length === 0) {
    const firstRow = row;
    const indices: number[] = [];
    const groups: number[] = [];
    while (row < g.numRows && (indices.length < CHUNK_ROWS || row === firstRow)) {
      for (let j = frames.lo[row] as number; j < (frames.hi[row] as number); j++) {
        indices.push(j);
        groups.push(row - firstRow);
      }
      row++;
    }
    const accumulator = createAccumulator(spec);
    const picked = Int32Array.from(indices);
    accumulator.update(
      Int32Array.from(groups),
      args.map((a) => takeRows(a, picked)),
    );
    parts.push(accumulator.result(row - firstRow));
    if (g.numRows === 0) break;
  }
  return concatColumns(column.attr.type, parts);
}

/**
 * Frames that start at the partition's first row only grow: one accumulator per partition takes each new row
 * once, in row order (as Spark adds them), and its result is read whenever the frame's end moves. O(n).
 */
function runningAggregate(
  spec: AggregateSpec,
  args: readonly ColumnVector[],
  frames: Frames,
  g: Geometry,
  type: T.DataType,
): ColumnVector {
  const fast = runningSumOrCount(spec, args, frames, g, type);
  if (fast !== undefined) return fast;
  const out: Scalar[] = new Array(g.numRows);
  const zeros = new Int32Array(g.numRows);
  forEachPartition(g, (ps, pe) => {
    const accumulator = createAccumulator(spec);
    let added = ps;
    let current = getScalar(accumulator.result(1), 0);
    for (let i = ps; i < pe; i++) {
      const hi = frames.hi[i] as number;
      if (hi > added) {
        accumulator.update(
          zeros.subarray(0, hi - added),
          args.map((a) => sliceColumn(a, added, hi)),
        );
        added = hi;
        current = getScalar(accumulator.result(1), 0);
      }
      out[i] = current;
    }
  });
  return columnFromScalars(type, out);
}

/**
 * The hot cases of running frames, count and non-decimal sum, as a plain loop over the typed array (same
 * results as the accumulators: exact long sums with ANSI overflow, doubles added in row order).
 */
function runningSumOrCount(
  spec: AggregateSpec,
  args: readonly ColumnVector[],
  frames: Frames,
  g: Geometry,
  type: T.DataType,
): ColumnVector | undefined {
  const [arg] = args;
  if (arg === undefined || args.length !== 1 || spec.distinct) return undefined;
  const isCount = spec.name === "count";
  const resultKind = type.kind.case;
  if (!isCount && !(spec.name === "sum" && (resultKind === "long" || resultKind === "double"))) return undefined;
  const values = arg.data as unknown as ArrayLike<number | bigint>;
  const validity = arg.validity;
  const out: Scalar[] = new Array(g.numRows);
  forEachPartition(g, (ps, pe) => {
    let added = ps;
    let count = 0;
    let longSum = 0n;
    let doubleSum = 0;
    for (let i = ps; i < pe; i++) {
      const hi = frames.hi[i] as number;
      for (; added < hi; added++) {
        if (validity !== null && validity[added] === 0) continue;
        count++;
        if (isCount) continue;
        const v = values[added] as number | bigint;
        if (resultKind === "double") doubleSum += Number(v);
        else {
          const next = longSum + (typeof v === "bigint" ? v : BigInt(v));
          if (BigInt.asIntN(64, next) !== next) {
            if (spec.ansi)
              throw arithmeticOverflow("long overflow", " Use 'try_sum' to tolerate overflow and return NULL instead.");
            longSum = BigInt.asIntN(64, next);
          } else longSum = next;
        }
      }
      out[i] = isCount ? BigInt(count) : count === 0 ? null : resultKind === "double" ? doubleSum : longSum;
    }
  });
  return columnFromScalars(type, out);
}

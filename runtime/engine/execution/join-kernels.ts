/**
 * Join kernels over one partition: a hash join building on the right side's keys (a GroupTable plus row chains
 * in typed arrays) and a nested loop join for conditions without equi-keys. Both produce index pairs first and
 * gather columns once at the end.
 */
import { type Batch, type ColumnVector, takeRows } from "../columnar/column-vector.js";
import type { EvalContext } from "../functions/function-types.js";
import type { Expr } from "../logical/expressions.js";
import type { JoinType } from "../logical/logical-plan.js";
import { evaluate } from "./expression-evaluator.js";
import { GroupTable } from "./group-table.js";

class IndexList {
  data = new Int32Array(64);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

function anyNullKey(keys: readonly ColumnVector[], row: number): boolean {
  return keys.some((k) => k.validity !== null && k.validity[row] === 0);
}

/** Keeps the candidate pairs for which the residual condition is TRUE. */
function filterPairs(
  left: Batch,
  right: Batch,
  li: Int32Array,
  ri: Int32Array,
  condition: Expr | null,
  ctx: EvalContext,
): [Int32Array, Int32Array] {
  if (condition === null || li.length === 0) return [li, ri];
  const joined: Batch = {
    columns: [...left.columns.map((c) => takeRows(c, li)), ...right.columns.map((c) => takeRows(c, ri))],
    numRows: li.length,
  };
  const mask = evaluate(condition, joined, ctx);
  const flags = mask.data as Uint8Array;
  const keepL = new IndexList();
  const keepR = new IndexList();
  for (let i = 0; i < li.length; i++) {
    if (flags[i] === 1 && (mask.validity === null || mask.validity[i] === 1)) {
      keepL.push(li[i] as number);
      keepR.push(ri[i] as number);
    }
  }
  return [keepL.view(), keepR.view()];
}

/** Turns matched pairs into the join type's output rows (-1 = the NULL-padded side). */
function assemble(joinType: JoinType, left: Batch, right: Batch, li: Int32Array, ri: Int32Array): Batch {
  const leftMatched = new Uint8Array(left.numRows);
  const rightMatched = new Uint8Array(right.numRows);
  for (let i = 0; i < li.length; i++) {
    leftMatched[li[i] as number] = 1;
    rightMatched[ri[i] as number] = 1;
  }
  if (joinType === "left_semi" || joinType === "left_anti") {
    const want = joinType === "left_semi" ? 1 : 0;
    const rows = new IndexList();
    for (let i = 0; i < left.numRows; i++) if (leftMatched[i] === want) rows.push(i);
    const view = rows.view();
    return { columns: left.columns.map((c) => takeRows(c, view)), numRows: view.length };
  }
  const outL = new IndexList();
  const outR = new IndexList();
  for (let i = 0; i < li.length; i++) {
    outL.push(li[i] as number);
    outR.push(ri[i] as number);
  }
  if (joinType === "left_outer" || joinType === "full_outer") {
    for (let i = 0; i < left.numRows; i++) {
      if (leftMatched[i] === 0) {
        outL.push(i);
        outR.push(-1);
      }
    }
  }
  if (joinType === "right_outer" || joinType === "full_outer") {
    for (let i = 0; i < right.numRows; i++) {
      if (rightMatched[i] === 0) {
        outL.push(-1);
        outR.push(i);
      }
    }
  }
  const l = outL.view();
  const r = outR.view();
  return {
    columns: [...left.columns.map((c) => takeRows(c, l)), ...right.columns.map((c) => takeRows(c, r))],
    numRows: l.length,
  };
}

export function hashJoin(
  joinType: JoinType,
  left: Batch,
  right: Batch,
  leftKeys: readonly ColumnVector[],
  rightKeys: readonly ColumnVector[],
  condition: Expr | null,
  ctx: EvalContext,
): Batch {
  const table = new GroupTable(
    rightKeys.map((k) => k.type),
    Math.max(16, right.numRows),
  );
  const buildRows = new IndexList();
  for (let i = 0; i < right.numRows; i++) if (!anyNullKey(rightKeys, i)) buildRows.push(i);
  const build = buildRows.view();
  const buildKeys = build.length === right.numRows ? rightKeys : rightKeys.map((k) => takeRows(k, build));
  const groups = table.findOrInsert(buildKeys, build.length);
  const head = new Int32Array(table.size).fill(-1);
  const next = new Int32Array(build.length).fill(-1);
  for (let i = build.length - 1; i >= 0; i--) {
    const g = groups[i] as number;
    next[i] = head[g] as number;
    head[g] = i;
  }
  const probe = table.find(leftKeys, left.numRows);
  const li = new IndexList();
  const ri = new IndexList();
  for (let row = 0; row < left.numRows; row++) {
    const g = probe[row] as number;
    if (g < 0 || anyNullKey(leftKeys, row)) continue;
    for (let b = head[g] as number; b >= 0; b = next[b] as number) {
      li.push(row);
      ri.push(build[b] as number);
    }
  }
  const [l, r] = filterPairs(left, right, li.view(), ri.view(), condition, ctx);
  return assemble(joinType, left, right, l, r);
}

export function nestedLoopJoin(
  joinType: JoinType,
  left: Batch,
  right: Batch,
  condition: Expr | null,
  ctx: EvalContext,
): Batch {
  const li = new IndexList();
  const ri = new IndexList();
  let pairsL = new IndexList();
  let pairsR = new IndexList();
  const flush = () => {
    const [l, r] = filterPairs(left, right, pairsL.view(), pairsR.view(), condition, ctx);
    for (let i = 0; i < l.length; i++) {
      li.push(l[i] as number);
      ri.push(r[i] as number);
    }
    pairsL = new IndexList();
    pairsR = new IndexList();
  };
  for (let a = 0; a < left.numRows; a++) {
    for (let b = 0; b < right.numRows; b++) {
      pairsL.push(a);
      pairsR.push(b);
    }
    if (pairsL.length >= 65536) flush();
  }
  flush();
  return assemble(joinType === "cross" ? "inner" : joinType, left, right, li.view(), ri.view());
}

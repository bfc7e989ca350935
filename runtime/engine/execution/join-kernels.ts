/**
 * Join kernels over one partition: a hash join building on one side's keys (a GroupTable plus row chains
 * in typed arrays) and a nested loop join for conditions without equi-keys. Both produce index pairs first and
 * gather columns once at the end.
 */
import { type Batch, type ColumnVector, takeRows } from "../columnar/column-vector.js";
import type { EvalContext } from "../functions/function-types.js";
import type { Expr } from "../logical/expressions.js";
import type { JoinType } from "../logical/logical-plan.js";
import { GroupTable } from "./group-table.js";
import { selectRows } from "./row-selection.js";

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

/** 1 where every key is non-NULL (NULL keys never match), or null when no key has NULLs. */
function keysValidity(keys: readonly ColumnVector[], rows: number): Uint8Array | null {
  let valid: Uint8Array | null = null;
  for (const key of keys) {
    if (key.validity === null) continue;
    valid ??= new Uint8Array(rows).fill(1);
    for (let i = 0; i < rows; i++) valid[i] = (valid[i] as number) & (key.validity[i] as number);
  }
  return valid;
}

function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
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
  const selected = selectRows(condition, joined, ctx);
  const keepL = new Int32Array(selected.length);
  const keepR = new Int32Array(selected.length);
  for (let i = 0; i < selected.length; i++) {
    const pair = selected[i] as number;
    keepL[i] = li[pair] as number;
    keepR[i] = ri[pair] as number;
  }
  return [keepL, keepR];
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
  // Inner and left semi/anti joins only need the pairs (in left-row order), so they may build on the smaller
  // side: a small table is cheaper to fill and stays in cache while the large side probes it.
  const pairsOnly = joinType === "inner" || joinType === "left_semi" || joinType === "left_anti";
  let li: Int32Array;
  let ri: Int32Array;
  if (pairsOnly && left.numRows < right.numRows) {
    const [r, l] = equiPairs(rightKeys, right.numRows, leftKeys, left.numRows);
    [li, ri] = byLeftRow(l, r, left.numRows);
  } else {
    [li, ri] = equiPairs(leftKeys, left.numRows, rightKeys, right.numRows);
  }
  const [l, r] = filterPairs(left, right, li, ri, condition, ctx);
  return assemble(joinType, left, right, l, r);
}

/**
 * The (probe row, build row) pairs whose keys are equal and not NULL, ordered by probe row and then build row,
 * from a hash table over the build side's keys.
 */
function equiPairs(
  probeKeys: readonly ColumnVector[],
  probeRows: number,
  buildKeys: readonly ColumnVector[],
  buildRows: number,
): [Int32Array, Int32Array] {
  const table = new GroupTable(
    buildKeys.map((k) => k.type),
    Math.max(16, buildRows),
  );
  const buildValid = keysValidity(buildKeys, buildRows);
  let build: Int32Array;
  if (buildValid === null) build = allRows(buildRows);
  else {
    const kept = new IndexList();
    for (let i = 0; i < buildRows; i++) if (buildValid[i] === 1) kept.push(i);
    build = kept.view();
  }
  const keys = build.length === buildRows ? buildKeys : buildKeys.map((k) => takeRows(k, build));
  const groups = table.findOrInsert(keys, build.length);
  const head = new Int32Array(table.size).fill(-1);
  const next = new Int32Array(build.length).fill(-1);
  for (let i = build.length - 1; i >= 0; i--) {
    const g = groups[i] as number;
    next[i] = head[g] as number;
    head[g] = i;
  }
  const probe = table.find(probeKeys, probeRows);
  const probeValid = keysValidity(probeKeys, probeRows);
  const pi = new IndexList();
  const bi = new IndexList();
  for (let row = 0; row < probeRows; row++) {
    const g = probe[row] as number;
    if (g < 0 || (probeValid !== null && probeValid[row] === 0)) continue;
    for (let b = head[g] as number; b >= 0; b = next[b] as number) {
      pi.push(row);
      bi.push(build[b] as number);
    }
  }
  return [pi.view(), bi.view()];
}

/**
 * Pairs found by probing with the right side, reordered (a stable counting sort) by left row: the order a build
 * on the right side gives, so the output does not depend on which side was built.
 */
function byLeftRow(li: Int32Array, ri: Int32Array, leftRows: number): [Int32Array, Int32Array] {
  const start = new Int32Array(leftRows + 1);
  for (let i = 0; i < li.length; i++) {
    const slot = (li[i] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let row = 0; row < leftRows; row++) start[row + 1] = (start[row + 1] as number) + (start[row] as number);
  const outL = new Int32Array(li.length);
  const outR = new Int32Array(li.length);
  for (let i = 0; i < li.length; i++) {
    const row = li[i] as number;
    const at = start[row] as number;
    start[row] = at + 1;
    outL[at] = li[i] as number;
    outR[at] = ri[i] as number;
  }
  return [outL, outR];
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

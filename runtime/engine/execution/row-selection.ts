/**
 * The rows of a batch for which a condition is TRUE (a filter's or a join's residual condition), without
 * building full-length boolean columns for every AND: the conjuncts of the condition's AND chain narrow a
 * list of live rows one after another, each evaluated only on the rows still live.
 *
 * `a AND b AND c` is `(a AND b) AND c`; Spark evaluates the right side wherever the left is not FALSE (TRUE or
 * NULL), so each conjunct here runs on exactly the rows Spark would run it on and raises the same ANSI errors.
 * A row that met a NULL stays live (a later FALSE still decides it) but is never selected.
 */
import type { Batch, ColumnVector } from "../columnar/column-vector.js";
import type { EvalContext } from "../functions/function-types.js";
import type { Expr } from "../logical/expressions.js";
import { selectWithConstant } from "./constant-comparison.js";
import { evaluate, evaluateOn } from "./expression-evaluator.js";

/**
 * The leaves of an AND tree, in evaluation order. AND is associative in three-valued logic, and in
 * `a AND (b AND c)` Spark evaluates `c` exactly where neither `a` nor `b` is FALSE, as the flat list does.
 */
function conjunctsOf(condition: Expr, into: Expr[]): Expr[] {
  if (condition.kind === "call" && condition.name === "and" && condition.args.length === 2) {
    conjunctsOf(condition.args[0] as Expr, into);
    conjunctsOf(condition.args[1] as Expr, into);
  } else {
    into.push(condition);
  }
  return into;
}

export function selectRows(condition: Expr, batch: Batch, ctx: EvalContext): Int32Array {
  const conjuncts = conjunctsOf(condition, []);
  let live: Int32Array | null = null; // null: every row
  let sawNull: Uint8Array | null = null; // per live row: some conjunct was NULL there
  for (const conjunct of conjuncts) {
    const count: number = live === null ? batch.numRows : live.length;
    if (count === 0) break;
    if (sawNull === null) {
      const selected = selectWithConstant(conjunct, batch, live);
      if (selected !== undefined) {
        live = selected;
        continue;
      }
    }
    const mask = evaluateMask(conjunct, batch, live, ctx);
    const flags = mask.flags;
    const validity = mask.validity;
    const next = new Int32Array(count);
    let nextNull: Uint8Array | null = null;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const isNull = validity !== null && validity[i] === 0;
      if (!isNull && flags[i] === 0) continue;
      const wasNull = sawNull !== null && sawNull[i] === 1;
      if (isNull || wasNull) {
        nextNull ??= new Uint8Array(count);
        nextNull[kept] = 1;
      }
      next[kept++] = live === null ? i : (live[i] as number);
    }
    live = next.subarray(0, kept);
    sawNull = nextNull;
  }
  if (live === null) return allRows(batch.numRows);
  if (sawNull === null) return live;
  const selected = new Int32Array(live.length);
  let n = 0;
  for (let i = 0; i < live.length; i++) if (sawNull[i] === 0) selected[n++] = live[i] as number;
  return selected.subarray(0, n);
}

function evaluateMask(conjunct: Expr, batch: Batch, live: Int32Array | null, ctx: EvalContext) {
  const mask: ColumnVector = live === null ? evaluate(conjunct, batch, ctx) : evaluateOn(conjunct, batch, live, ctx);
  return { flags: mask.data as Uint8Array, validity: mask.validity };
}

function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

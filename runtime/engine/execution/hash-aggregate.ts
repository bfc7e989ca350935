/**
 * Hash aggregation over one partition. Partial mode emits keys + state columns for the shuffle; final mode
 * merges states; complete mode goes from raw rows to results. Without grouping keys, final and complete
 * always emit exactly one row (COUNT(*) of nothing is 0).
 */
import type { Batch } from "../columnar/column-vector.js";
import type { EvalContext } from "../functions/function-types.js";
import type { Expr } from "../logical/expressions.js";
import { stateTypes } from "../physical/aggregate-states.js";
import type { AggregateMode, AggregateSpec } from "../physical/physical-plan.js";
import { type Accumulator, createAccumulator } from "./accumulators.js";
import { evaluateExactDecimals, type SharedExactResults } from "./exact-decimal-eval.js";
import { evaluate } from "./expression-evaluator.js";
import { GroupTable } from "./group-table.js";

export function hashAggregate(
  mode: AggregateMode,
  input: readonly Batch[],
  keys: readonly Expr[],
  specs: readonly AggregateSpec[],
  ctx: EvalContext,
): Batch {
  const table = new GroupTable(keys.map((k) => k.type));
  const accumulators = specs.map(createAccumulator);
  for (const batch of input) {
    if (batch.numRows === 0) continue;
    // Aggregates whose arguments share a subexpression (q1's discounted price) compute it once per batch.
    const shared: SharedExactResults = new Map();
    const groups = table.findOrInsert(
      keys.map((k) => evaluate(k, batch, ctx)),
      batch.numRows,
    );
    if (mode === "final") {
      let offset = keys.length;
      specs.forEach((spec, i) => {
        const width = stateTypes(spec).length;
        accumulators[i]?.merge(groups, batch.columns.slice(offset, offset + width));
        offset += width;
      });
    } else {
      specs.forEach((spec, i) => {
        const accumulator = accumulators[i] as Accumulator;
        const [arg] = spec.args;
        if (accumulator.updateExact !== undefined && spec.args.length === 1 && arg !== undefined) {
          const exact = evaluateExactDecimals(arg, batch, ctx, shared);
          if (exact !== null) {
            accumulator.updateExact(groups, exact);
            return;
          }
        }
        accumulator.update(
          groups,
          spec.args.map((a) => evaluate(a, batch, ctx)),
        );
      });
    }
  }
  if (keys.length === 0 && table.size === 0 && mode !== "partial") {
    table.findOrInsert([], 1);
  }
  const n = table.size;
  const keyColumns = table.keyColumns();
  const valueColumns =
    mode === "partial" ? accumulators.flatMap((a) => a.states(n)) : accumulators.map((a) => a.result(n));
  return { columns: [...keyColumns, ...valueColumns], numRows: n };
}

/**
 * Spark's PullOutNondeterministic for sorts: an ORDER BY key such as rand(42) is computed once per row in a
 * projection below the sort (in the input's partitions, so with Spark's values), sorted on as a column and
 * dropped afterwards. Evaluated inside the sort itself it would be drawn again at every step of a global sort.
 */
import type { Alias, SortKey } from "../logical/expressions.js";
import { isPartitionDependent } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";

export function sortOnPulledOutKeys(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  orders: readonly SortKey[],
  global: boolean,
): LogicalPlan | null {
  if (!orders.some((o) => isPartitionDependent(o.expr))) return null;
  const pulled: Alias[] = [];
  const keys = orders.map((o): SortKey => {
    if (!isPartitionDependent(o.expr)) return o;
    const attr = analyzer.attribute("_nondeterministic", o.expr.type, o.expr.nullable);
    pulled.push({
      kind: "alias",
      child: o.expr,
      name: attr.name,
      exprId: attr.exprId,
      type: attr.type,
      nullable: attr.nullable,
    });
    return { ...o, expr: attr };
  });
  const widened: LogicalPlan = { kind: "project", child, exprs: [...outputOf(child), ...pulled] };
  const sorted: LogicalPlan = { kind: "sort", child: widened, orders: keys, global };
  return { kind: "project", child: sorted, exprs: [...outputOf(child)] };
}

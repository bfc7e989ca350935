/**
 * A grouping expression that only renames a column (SQL's grouped select hides each grouping expression behind
 * an alias; a window() grouping becomes the `window` column under such an alias) still groups that column, so a
 * select-list reference to it reads the grouping's output, as it does in Spark.
 */
import { type AttributeRef, type NamedExpr, transformUp } from "../logical/expressions.js";
import { toAttribute } from "../logical/logical-plan.js";

export function readRenamedGroupings(aggregates: readonly NamedExpr[], groupings: readonly NamedExpr[]): NamedExpr[] {
  const renamed = new Map<number, AttributeRef>();
  for (const g of groupings)
    if (g.kind === "alias" && g.child.kind === "attr") renamed.set(g.child.exprId, toAttribute(g));
  if (renamed.size === 0) return [...aggregates];
  return aggregates.map((a) => {
    // A bare reference keeps its own name and id; only what it reads changes.
    if (a.kind === "attr") {
      const output = renamed.get(a.exprId);
      return output === undefined
        ? a
        : { kind: "alias", child: output, name: a.name, exprId: a.exprId, type: a.type, nullable: a.nullable };
    }
    return transformUp(a, (e) => (e.kind === "attr" ? (renamed.get(e.exprId) ?? e) : e)) as NamedExpr;
  });
}

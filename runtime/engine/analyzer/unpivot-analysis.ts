/**
 * unpivot / melt: an Expand with one projection per value column, each emitting the id columns, the value
 * column's name and its value (cast to the value columns' common type). Without a value list, every column that
 * is not an id is a value column.
 */
import type { Unpivot } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import { collectAttributes, type Expr, type NamedExpr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf, toAttribute } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { commonType, implicitCast } from "./type-coercion.js";

const unaliased = (e: NamedExpr): Expr => (e.kind === "alias" ? e.child : e);

/** `implicitIds` (SQL's UNPIVOT clause): every input column that is not a value column is an id column. */
export function analyzeUnpivot(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  u: Unpivot,
  options: { readonly implicitIds?: boolean } = {},
): LogicalPlan {
  const scope = analyzer.scopeOf(child);
  const explicitValues = u.values?.values.map((e) => analyzer.exprs.named(analyzer.exprs.resolve(e, scope)));
  const unpivoted = new Set<number>();
  for (const value of explicitValues ?? []) collectAttributes(value, unpivoted);
  const ids: NamedExpr[] = options.implicitIds
    ? outputOf(child).filter((a) => !unpivoted.has(a.exprId))
    : u.ids.map((e) => analyzer.exprs.named(analyzer.exprs.resolve(e, scope)));
  const idColumns = new Set(ids.filter((e) => e.kind === "attr").map((e) => e.exprId));
  const values: NamedExpr[] = explicitValues ?? outputOf(child).filter((a) => !idColumns.has(a.exprId));
  if (values.length === 0) {
    throw sparkError(
      AnalysisException,
      "UNPIVOT_REQUIRES_VALUE_COLUMNS",
      "42K0A",
      "At least one value column needs to be specified for UNPIVOT, all columns specified as ids.",
      { ids: ids.map((i) => `\`${i.name}\``).join(", ") },
    );
  }
  const type = commonType(values.map((v) => v.type));
  if (type === null) {
    throw sparkError(
      AnalysisException,
      "UNPIVOT_VALUE_DATA_TYPE_MISMATCH",
      "42K09",
      "Unpivot value columns must share a least common type.",
      { types: values.map((v) => T.sqlTypeName(v.type)).join(", ") },
    );
  }
  const variable = analyzer.attribute(u.variableColumnName, T.STRING, false);
  const value = analyzer.attribute(
    u.valueColumnName,
    type,
    values.some((v) => v.nullable),
  );
  const projections = values.map((v): Expr[] => [
    ...ids.map(unaliased),
    { kind: "literal", value: v.name, type: T.STRING, nullable: false },
    implicitCast(unaliased(v), type),
  ]);
  return { kind: "expand", child, projections, output: [...ids.map(toAttribute), variable, value] };
}

/**
 * `df.transpose(index)` (the Transpose relation). As in Spark, the new column names are data: the analyzer runs
 * the input once (rows with a NULL index are left out, the rest sorted by the index) and the result is a local
 * relation with one row per non-index column (`key` holds its name) and one column per index value, all of the
 * non-index columns' tightest common type.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { comparatorFor } from "../columnar/value-order.js";
import { sparkError } from "../errors.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import type { AttributeRef, Expr, NamedExpr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { isNested, widerNestedType } from "../types/nested-types.js";
import { runInline } from "./inline-query.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { widerType } from "./type-coercion.js";

/** Spark's limit on the index values a transpose may turn into columns (spark.sql.transposeMaxValues). */
const MAX_TRANSPOSE_VALUES = 500;
/** Decimal digits an integral type needs, so a decimal with that many integer digits holds it exactly. */
const INTEGRAL_DIGITS: Partial<Record<string, number>> = { byte: 3, short: 5, integer: 10, long: 20 };

export function analyzeTranspose(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  indexColumns: readonly Expression[],
): LogicalPlan {
  const input = outputOf(child);
  const [indexExpression] = indexColumns;
  const index: Expr | undefined =
    indexExpression === undefined ? input[0] : analyzer.exprs.resolve(indexExpression, analyzer.scopeOf(child));
  if (index === undefined) throw new AnalysisException("transpose() needs at least one column.");
  if (isNested(index.type) || index.type.kind.case === "variant") {
    throw sparkError(
      AnalysisException,
      "TRANSPOSE_INVALID_INDEX_COLUMN",
      "42804",
      `The index column of a transpose must be of an atomic type, not ${T.sqlTypeName(index.type)}.`,
      { reason: `Index column must be of atomic type, but found: ${T.sqlTypeName(index.type)}` },
    );
  }
  const values = input.filter((a) => index.kind !== "attr" || a.exprId !== index.exprId);
  const valueType = values.length === 0 ? T.STRING : tightestCommonType(values);

  const ctx = { ansi: analyzer.options.ansi };
  const notNull = lookupScalarFunction("isnotnull")?.fn.resolve([index], ctx, "isnotnull");
  if (notNull === undefined) throw new Error("the isnotnull function is missing from the registry");
  const indexAlias = analyzer.exprs.alias(index, "__transpose_index");
  const indexName = analyzer.exprs.alias(analyzer.exprs.cast(index, T.STRING), "__transpose_name");
  const cells: NamedExpr[] = values.map((v) => analyzer.exprs.alias(castTo(v, valueType), v.name));
  const query: LogicalPlan = {
    kind: "project",
    child: { kind: "filter", child, condition: notNull },
    exprs: [indexAlias, indexName, ...cells],
  };
  const batch = runInline(query, analyzer.options.timeZone, analyzer.options.defaultParallelism);
  if (batch.numRows > MAX_TRANSPOSE_VALUES) {
    throw sparkError(
      AnalysisException,
      "TRANSPOSE_EXCEED_ROW_LIMIT",
      "54006",
      `A transpose turns at most ${MAX_TRANSPOSE_VALUES} rows into columns.`,
      { maxValues: String(MAX_TRANSPOSE_VALUES), config: "spark.sql.transposeMaxValues" },
    );
  }
  const column = (i: number) => {
    const found = batch.columns[i];
    if (found === undefined) throw new Error("internal: the transpose query lost a column");
    return found;
  };
  const compare = comparatorFor(index.type);
  const order = Array.from({ length: batch.numRows }, (_, row) => row).sort((a, b) =>
    compare(getScalar(column(0), a) as Scalar, getScalar(column(0), b) as Scalar),
  );

  const keyAttr: AttributeRef = analyzer.attribute("key", T.STRING, false);
  const output: AttributeRef[] = [keyAttr];
  const columns = [
    columnFromScalars(
      T.STRING,
      values.map((v) => v.name),
    ),
  ];
  for (const row of order) {
    output.push(analyzer.attribute(String(getScalar(column(1), row)), valueType, true));
    columns.push(
      columnFromScalars(
        valueType,
        cells.map((_, c) => getScalar(column(2 + c), row)),
      ),
    );
  }
  return { kind: "localRelation", batch: { columns, numRows: values.length }, output };
}

function castTo(value: AttributeRef, type: T.DataType): Expr {
  if (T.sameType(value.type, type)) return value;
  return { kind: "cast", child: value, type, nullable: value.nullable, mode: "ansi", implicit: true };
}

function tightestCommonType(values: readonly AttributeRef[]): T.DataType {
  let result: T.DataType = T.NULL;
  for (const value of values) {
    const next = tightest(result, value.type);
    if (next === null) {
      const dataTypes = values.map((v) => T.sqlTypeName(v.type)).join(", ");
      throw sparkError(
        AnalysisException,
        "TRANSPOSE_NO_LEAST_COMMON_TYPE",
        "42K09",
        `The non-index columns of a transpose have no common type: ${dataTypes}.`,
        { dataType1: T.sqlTypeName(result), dataType2: T.sqlTypeName(value.type) },
      );
    }
    result = next;
  }
  return result;
}

/**
 * The common type Spark's tightest-common-type rule finds: numeric widening without going through decimals,
 * except that a decimal wide enough for an integral type absorbs it; no string promotion.
 */
function tightest(a: T.DataType, b: T.DataType): T.DataType | null {
  if (T.sameType(a, b) || T.isNullType(b)) return a;
  if (T.isNullType(a)) return b;
  const [da, db] = [a.kind.case === "decimal", b.kind.case === "decimal"];
  if (da && db) return null;
  if (da || db) {
    const [decimal, other] = da ? [a, b] : [b, a];
    const digits = INTEGRAL_DIGITS[T.typeName(other)];
    if (digits === undefined) return null;
    const { precision, scale } = T.decimalParts(decimal);
    return precision - scale >= digits ? decimal : null;
  }
  if (isNested(a) || isNested(b)) return widerNestedType(a, b, tightest);
  return widerType(a, b);
}

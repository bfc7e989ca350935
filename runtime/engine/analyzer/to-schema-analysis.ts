/**
 * `df.to(schema)` (the ToSchema relation) as one projection, following Spark's rules for reconciling a plan
 * with a schema: columns and struct fields match by name (case-insensitively by default) and take the
 * schema's order, extra ones are dropped, missing nullable ones become NULL, types change by the casts a
 * table insert allows (ANSI store assignment), and a nullable value never goes where the schema forbids NULL.
 */
import type { DataType } from "../../../generated/proto/spark/connect/types_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { quoteId, sparkError, unresolvedColumn } from "../errors.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import { call } from "../functions/function-types.js";
import type { Expr, NamedExpr } from "../logical/expressions.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { arrayParts, mapParts, structFields } from "../types/nested-types.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";

const NUMERIC = new Set(["byte", "short", "integer", "long", "float", "double", "decimal"]);
const DATETIME = new Set(["date", "timestamp", "timestampNtz"]);

export function analyzeToSchema(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  schema: DataType | undefined,
): LogicalPlan {
  if (schema?.kind.case !== "struct") throw new AnalysisException("to() needs a struct schema.");
  const input = outputOf(child);
  const ctx = { ansi: true };
  const exprs: NamedExpr[] = structFields(schema).map((target) => {
    const found = input.find((a) => analyzer.sameName(a.name, target.name));
    if (found === undefined) {
      if (!target.nullable)
        throw unresolvedColumn(
          target.name,
          input.map((a) => a.name),
        );
      return analyzer.exprs.alias(nullOf(target.type), target.name);
    }
    return analyzer.exprs.alias(
      reconcile(analyzer, found, target.type, target.nullable, [target.name], ctx),
      target.name,
    );
  });
  return { kind: "project", child, exprs };
}

/** `value` shaped as `type`; `path` names the column or field for errors. */
function reconcile(
  analyzer: RelationAnalyzer,
  value: Expr,
  type: DataType,
  nullable: boolean,
  path: readonly string[],
  ctx: { ansi: boolean },
): Expr {
  if (value.nullable && !nullable) {
    const name = path.map(quoteId).join(".");
    throw sparkError(
      AnalysisException,
      "NULLABLE_COLUMN_OR_FIELD",
      "42000",
      `Column or field ${name} is nullable but the schema requires it to be non-nullable.`,
      { name },
    );
  }
  if (value.type.kind.case === "struct" && type.kind.case === "struct") {
    return reconcileStruct(analyzer, value, type, path, ctx);
  }
  if (T.sameType(value.type, type)) return value;
  if (!storeAssignable(value.type, type)) {
    const name = path.map(quoteId).join(".");
    throw sparkError(
      AnalysisException,
      "INVALID_COLUMN_OR_FIELD_DATA_TYPE",
      "42000",
      `Column or field ${name} is of type ${T.sqlTypeName(value.type)} while it's required to be ${T.sqlTypeName(type)}.`,
      { name, type: T.sqlTypeName(value.type), expectedType: T.sqlTypeName(type) },
    );
  }
  return { kind: "cast", child: value, type, nullable: value.nullable, mode: "ansi", implicit: false };
}

/** A struct rebuilt field by field in the target's order; a NULL struct stays NULL. */
function reconcileStruct(
  analyzer: RelationAnalyzer,
  value: Expr,
  type: DataType,
  path: readonly string[],
  ctx: { ansi: boolean },
): Expr {
  const available = structFields(value.type);
  const fields: Expr[] = [];
  for (const target of structFields(type)) {
    const at = available.findIndex((f) => analyzer.sameName(f.name, target.name));
    const source = available[at];
    if (source === undefined) {
      if (!target.nullable)
        throw unresolvedColumn(
          [...path, target.name].join("."),
          available.map((f) => f.name),
        );
      fields.push(nullOf(target.type));
      continue;
    }
    const index: Expr = { kind: "literal", value: at, type: T.INT, nullable: false };
    const read = call(
      "get_struct_field",
      [value, index],
      source.type,
      `${path.join(".")}.${source.name}`,
      ctx,
      source.nullable,
    );
    fields.push(reconcile(analyzer, read, target.type, target.nullable, [...path, target.name], ctx));
  }
  const built = call("named_struct", fields, type, `named_struct(${path.join(".")})`, ctx, false);
  if (!value.nullable) return built;
  const isNull = lookupScalarFunction("isnull")?.fn.resolve([value], ctx, "isnull");
  if (isNull === undefined) throw new Error("the isnull function is missing from the registry");
  return {
    kind: "caseWhen",
    branches: [{ when: isNull, result: nullOf(type) }],
    otherwise: built,
    type,
    nullable: true,
  };
}

function nullOf(type: DataType): Expr {
  return { kind: "literal", value: null, type, nullable: true };
}

/** Whether Spark's ANSI store assignment casts `from` to `to` (as a table insert would). */
function storeAssignable(from: DataType, to: DataType): boolean {
  const [f, t] = [T.typeName(from), T.typeName(to)];
  if (T.sameType(from, to) || f === "null") return true;
  if (NUMERIC.has(f) && NUMERIC.has(t)) return true;
  if (t === "string") return f !== "array" && f !== "map" && f !== "struct";
  if (DATETIME.has(f) && DATETIME.has(t)) return !(f !== "date" && t === "date");
  if (f === "array" && t === "array") {
    const [a, b] = [arrayParts(from), arrayParts(to)];
    return (!a.containsNull || b.containsNull) && storeAssignable(a.element, b.element);
  }
  if (f === "map" && t === "map") {
    const [a, b] = [mapParts(from), mapParts(to)];
    return (
      (!a.valueContainsNull || b.valueContainsNull) &&
      storeAssignable(a.key, b.key) &&
      storeAssignable(a.value, b.value)
    );
  }
  return false;
}

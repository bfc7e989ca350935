/**
 * Argument checks and result types of the bitmap aggregates, histogram_numeric and count_min_sketch, with the
 * error classes Spark's type checks raise (the parameters they need must be constants, folded to literals here).
 */
import { SparkRuntimeException } from "../../errors/index.js";
import { dataTypeMismatch, notSupportedLocally, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { AggregateName, Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { implicitCast } from "./type-coercion.js";

interface Typed {
  readonly args: readonly Expr[];
  readonly type: T.DataType;
}

const ORDINALS = ["first", "second", "third", "4th"];

function unexpectedType(display: string, child: Expr, required: string, index: number): Error {
  return dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, `argument ${index + 1} must be ${required}.`, {
    paramIndex: ORDINALS[index] as string,
    requiredType: required,
    inputSql: `"${displayOf(child)}"`,
    inputType: T.sqlTypeName(child.type),
  });
}

/** The literal behind a constant argument (possibly under an implicit cast), or undefined if not constant. */
function constantOf(expr: Expr): { value: unknown } | undefined {
  const inner = expr.kind === "cast" ? expr.child : expr;
  return inner.kind === "literal" ? { value: inner.value } : undefined;
}

/** A numeric literal's value as a double (decimal literals are unscaled integers with a scale). */
function numberOf(expr: Expr, value: unknown): number {
  const inner = expr.kind === "cast" ? expr.child : expr;
  if (typeof value !== "bigint") return Number(value);
  const scale = inner.type.kind.case === "decimal" ? T.decimalParts(inner.type).scale : 0;
  return Number(value) / 10 ** scale;
}

/** A constant, non-NULL parameter's number, or Spark's NON_FOLDABLE_INPUT / UNEXPECTED_NULL. */
function constantParameter(display: string, expr: Expr, name: string, type: string): number {
  const constant = constantOf(expr);
  if (constant === undefined) {
    throw dataTypeMismatch("NON_FOLDABLE_INPUT", `"${display}"`, `the ${name} must be a constant.`, {
      inputName: `\`${name}\``,
      inputType: type,
      inputExpr: `"${displayOf(expr)}"`,
    });
  }
  if (constant.value === null) {
    throw dataTypeMismatch("UNEXPECTED_NULL", `"${display}"`, `the ${name} must not be null.`, { exprName: name });
  }
  return numberOf(expr, constant.value);
}

function outOfRange(display: string, name: string, range: string, current: string): Error {
  return dataTypeMismatch("VALUE_OUT_OF_RANGE", `"${display}"`, `the ${name} must be in ${range}.`, {
    exprName: name,
    valueRange: range,
    currentValue: current,
  });
}

const literal = (value: number, type: T.DataType): Expr => ({ kind: "literal", value, type, nullable: false });

/** Java's Double.toString for the values the range errors show (`1.0D`, `0.5D`). */
const doubleSql = (x: number): string => `${Number.isInteger(x) ? x.toFixed(1) : String(x)}D`;

const FALSE: Expr = { kind: "literal", value: false, type: T.BOOLEAN, nullable: false };

/** hll_sketch_agg's lgConfigK: a constant in [4, 21], else Spark's HLL_INVALID_LG_K. */
function checkedLgK(expr: Expr): number {
  const constant = constantOf(expr);
  if (constant === undefined) {
    throw sparkError(
      SparkRuntimeException,
      "HLL_K_MUST_BE_CONSTANT",
      "42K0E",
      "Invalid call to `hll_sketch_agg`; the `K` value must be a constant value, but got a non-constant expression.",
      { function: "`hll_sketch_agg`" },
    );
  }
  const lgK = Number(constant.value);
  if (!(lgK >= 4 && lgK <= 21)) {
    throw sparkError(
      SparkRuntimeException,
      "HLL_INVALID_LG_K",
      "22546",
      `Invalid call to \`hll_sketch_agg\`; the \`lgConfigK\` value must be between 4 and 21, inclusive: ${lgK}.`,
      { function: "`hll_sketch_agg`", min: "4", max: "21", value: String(lgK) },
    );
  }
  return lgK;
}

const HISTOGRAM_INPUTS = new Set(["date", "timestamp", "timestampNtz", "yearMonthInterval", "dayTimeInterval"]);

function typeHistogram(child: Expr, nb: Expr, display: string): Typed {
  const value = T.isString(child.type) || T.isNullType(child.type) ? implicitCast(child, T.DOUBLE) : child;
  if (!T.isNumeric(value.type) && !HISTOGRAM_INPUTS.has(value.type.kind.case as string)) {
    throw unexpectedType(
      display,
      child,
      '("NUMERIC" or "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ" or "INTERVAL YEAR TO MONTH" or "INTERVAL DAY TO SECOND")',
      0,
    );
  }
  if (!T.isNumeric(nb.type) && !T.isString(nb.type) && !T.isNullType(nb.type)) {
    throw unexpectedType(display, nb, '"INT"', 1);
  }
  // The bin count is cast to INT first, which truncates a fractional constant.
  const bins = Math.trunc(constantParameter(display, nb, "nb", '"INT"'));
  if (!(bins >= 2 && bins <= 2147483647)) throw outOfRange(display, "nb", "[2, 2147483647]", String(bins));
  const bin = T.structType([
    { name: "x", type: value.type, nullable: true },
    { name: "y", type: T.DOUBLE, nullable: true },
  ]);
  return { args: [value, literal(bins, T.INT)], type: arrayType(bin, true) };
}

function typeCountMinSketch(args: readonly Expr[], display: string): Typed {
  const [child, eps, confidence, seed] = args as [Expr, Expr, Expr, Expr];
  const kind = child.type.kind.case;
  if (!T.isIntegral(child.type) && kind !== "string" && kind !== "binary" && kind !== "null") {
    throw unexpectedType(display, child, '("INTEGRAL" or "STRING" or "BINARY")', 0);
  }
  // Spark expects these types exactly: no implicit casts.
  if (eps.type.kind.case !== "double") throw unexpectedType(display, eps, '"DOUBLE"', 1);
  if (confidence.type.kind.case !== "double") throw unexpectedType(display, confidence, '"DOUBLE"', 2);
  if (seed.type.kind.case !== "integer" && seed.type.kind.case !== "long") {
    throw unexpectedType(display, seed, '("INT" or "BIGINT")', 3);
  }
  const epsValue = constantParameter(display, eps, "eps", '"DOUBLE"');
  const confidenceValue = constantParameter(display, confidence, "confidence", '"DOUBLE"');
  const seedValue = constantOf(seed);
  constantParameter(display, seed, "seed", T.sqlTypeName(seed.type));
  if (!(epsValue > 0)) throw outOfRange(display, "eps", "(0.0, 1.7976931348623157E308]", doubleSql(epsValue));
  if (!(confidenceValue > 0 && confidenceValue < 1)) {
    throw outOfRange(display, "confidence", "(0.0, 1.0]", doubleSql(confidenceValue));
  }
  // A BIGINT seed is narrowed to its low 32 bits, as Java's int conversion does.
  const seedInt = Number(BigInt.asIntN(32, BigInt(seedValue?.value as number | bigint)));
  return {
    args: [child, literal(epsValue, T.DOUBLE), literal(confidenceValue, T.DOUBLE), literal(seedInt, T.INT)],
    type: T.BINARY,
  };
}

/** The typed arguments and result type of the aggregates this module owns, or undefined for the others. */
export function typeSketchAggregate(name: AggregateName, args: readonly Expr[], display: string): Typed | undefined {
  const [child, second] = args as [Expr, Expr | undefined];
  switch (name) {
    case "bitmap_construct_agg":
      if (!T.isNumeric(child.type) && !T.isString(child.type) && !T.isNullType(child.type)) {
        throw unexpectedType(display, child, '"BIGINT"', 0);
      }
      return { args: [implicitCast(child, T.LONG)], type: T.BINARY };
    case "bitmap_or_agg":
    case "bitmap_and_agg":
      if (child.type.kind.case !== "binary") throw unexpectedType(display, child, '"BINARY"', 0);
      return { args: [child], type: T.BINARY };
    case "histogram_numeric":
      return typeHistogram(child, second as Expr, display);
    case "count_min_sketch":
      return typeCountMinSketch(args, display);
    case "hll_sketch_agg": {
      const kind = child.type.kind.case;
      if (kind !== "integer" && kind !== "long" && kind !== "string" && kind !== "binary") {
        throw unexpectedType(display, child, '("INT" or "BIGINT" or "STRING" or "BINARY")', 0);
      }
      const lgK = second ?? literal(12, T.INT);
      if (lgK.type.kind.case !== "integer") throw unexpectedType(display, lgK, '"INT"', 1);
      return { args: [child, literal(checkedLgK(lgK), T.INT)], type: T.BINARY };
    }
    case "hll_union_agg": {
      if (child.type.kind.case !== "binary") throw unexpectedType(display, child, '"BINARY"', 0);
      const allow = second ?? FALSE;
      if (allow.type.kind.case !== "boolean") throw unexpectedType(display, allow, '"BOOLEAN"', 1);
      const value = constantOf(allow);
      if (value === undefined) throw notSupportedLocally("hll_union_agg with a non-literal allowDifferentLgConfigK");
      const allowed: Expr = { kind: "literal", value: value.value === true, type: T.BOOLEAN, nullable: false };
      return { args: [child, allowed], type: T.BINARY };
    }
    default:
      return undefined;
  }
}

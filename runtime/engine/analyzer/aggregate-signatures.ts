/**
 * Argument counts, display names and result types of the statistical, boolean, bitwise, by-key, percentile and
 * mode aggregates (count, sum, avg, min/max, first/last and collect are typed by the expression analyzer itself).
 */
import { AnalysisException } from "../../errors/index.js";
import { dataTypeMismatch, notSupportedLocally, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { AggregateName, Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { typeSketchAggregate } from "./sketch-aggregate-signatures.js";
import { implicitCast } from "./type-coercion.js";

const PAIRED: ReadonlySet<AggregateName> = new Set([
  "max_by",
  "min_by",
  "covar_pop",
  "covar_samp",
  "corr",
  "regr_count",
  "regr_avgx",
  "regr_avgy",
  "regr_sxx",
  "regr_syy",
  "regr_sxy",
  "regr_slope",
  "regr_intercept",
  "regr_r2",
]);

/** [fewest, most] arguments each aggregate takes; `count` takes any number. */
function arity(name: AggregateName): [number, number] {
  if (PAIRED.has(name)) return [2, 2];
  switch (name) {
    case "count":
      return [1, Number.POSITIVE_INFINITY];
    case "first":
    case "last":
    case "mode":
    case "approx_count_distinct":
    case "listagg":
    case "hll_sketch_agg":
    case "hll_union_agg":
      return [1, 2];
    case "percentile":
    case "percentile_approx":
      return [2, 3];
    case "histogram_numeric":
      return [2, 2];
    case "count_min_sketch":
      return [4, 4];
    default:
      return [1, 1];
  }
}

export function checkArity(name: AggregateName, spelled: string, args: readonly Expr[]): void {
  const [fewest, most] = spelled === "median" ? [1, 1] : arity(name);
  if (args.length >= fewest && args.length <= most) return;
  const expected = fewest === most ? String(fewest) : `[${fewest}, ${most}]`;
  throw sparkError(
    AnalysisException,
    "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
    "42605",
    `${spelled} takes ${expected} arguments, not ${args.length}.`,
    { functionName: `\`${spelled}\``, expectedNum: expected, actualNum: String(args.length) },
  );
}

/** Spark's column name for an aggregate call, from the spelling the user wrote. */
export function aggregateDisplay(spelled: string, args: readonly Expr[], distinct: boolean): string {
  const shown = SHOWN_AS[spelled] ?? spelled;
  const first = args[0] === undefined ? "" : displayOf(args[0]);
  const flagged = distinct ? "DISTINCT " : "";
  switch (spelled) {
    // The ignore-nulls flag and the accuracy are not part of the name.
    case "first":
    case "last":
    case "first_value":
    case "last_value":
    case "any_value":
      return `${shown}(${flagged}${first})`;
    case "mode":
      return args[1] !== undefined && isTrueLiteral(args[1])
        ? `mode() WITHIN GROUP (ORDER BY ${first} DESC)`
        : `mode(${first})`;
    case "percentile": {
      const shownArgs = args.map(displayOf);
      if (shownArgs.length === 2) shownArgs.push("1");
      return `percentile(${flagged}${shownArgs.join(", ")})`;
    }
    // The relative error is a parameter of the sketch, not a child, so it is not shown.
    case "approx_count_distinct":
    case "approxcountdistinct":
      return `approx_count_distinct(${flagged}${first})`;
    case "percentile_approx":
    case "approx_percentile": {
      const shownArgs = args.map(displayOf);
      if (shownArgs.length === 2) shownArgs.push(String(DEFAULT_PERCENTILE_ACCURACY));
      return `${spelled}(${flagged}${shownArgs.join(", ")})`;
    }
    // Spark fills in the defaults of the optional parameters, and shows them.
    case "hll_sketch_agg":
      return `hll_sketch_agg(${flagged}${[...args.map(displayOf), "12"].slice(0, 2).join(", ")})`;
    case "hll_union_agg":
      return `hll_union_agg(${flagged}${[...args.map(displayOf), "false"].slice(0, 2).join(", ")})`;
    case "listagg":
    case "string_agg":
      return `${spelled}(${flagged}${first}, ${args[1] === undefined ? "NULL" : displayOf(args[1])})`;
    default:
      return `${shown}(${flagged}${args.map(displayOf).join(", ")})`;
  }
}

/** Spark's accuracy for percentile_approx when the call gives none. */
const DEFAULT_PERCENTILE_ACCURACY = 10000;

const SHOWN_AS: Record<string, string> = {
  mean: "avg",
  count_distinct: "count",
  array_agg: "collect_list",
};

export function isTrueLiteral(e: Expr): boolean {
  return e.kind === "literal" && e.value === true;
}

interface Typed {
  readonly args: readonly Expr[];
  readonly type: T.DataType;
}

function mismatch(display: string, child: Expr, required: string, index = "first"): Error {
  return dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, `the ${index} argument must be ${required}.`, {
    paramIndex: index,
    requiredType: required,
    inputSql: `"${displayOf(child)}"`,
    inputType: T.sqlTypeName(child.type),
  });
}

const numericLike = (t: T.DataType) => T.isNumeric(t) || T.isNullType(t) || T.isString(t);

function asDouble(e: Expr, display: string, index: string): Expr {
  if (!numericLike(e.type)) throw mismatch(display, e, '"DOUBLE"', index);
  return implicitCast(e, T.DOUBLE);
}

/** The typed arguments and result type of the aggregates this module owns, or undefined for the others. */
export function typeAggregate(name: AggregateName, args: readonly Expr[], display: string): Typed | undefined {
  const [child, second, third] = args as [Expr, Expr | undefined, Expr | undefined];
  switch (name) {
    case "bool_and":
    case "bool_or":
      if (child.type.kind.case !== "boolean" && !T.isNullType(child.type)) throw mismatch(display, child, '"BOOLEAN"');
      return { args: [implicitCast(child, T.BOOLEAN)], type: T.BOOLEAN };
    case "bit_and":
    case "bit_or":
    case "bit_xor":
      if (!T.isIntegral(child.type)) throw mismatch(display, child, '"INTEGRAL"');
      return { args: [child], type: child.type };
    case "max_by":
    case "min_by":
      return { args: [child, second as Expr], type: child.type };
    case "product":
    case "skewness":
    case "kurtosis":
      return { args: [asDouble(child, display, "first")], type: T.DOUBLE };
    case "covar_pop":
    case "covar_samp":
    case "corr":
    case "regr_avgx":
    case "regr_avgy":
    case "regr_sxx":
    case "regr_syy":
    case "regr_sxy":
    case "regr_slope":
    case "regr_intercept":
    case "regr_r2":
      return {
        args: [asDouble(child, display, "first"), asDouble(second as Expr, display, "second")],
        type: T.DOUBLE,
      };
    case "regr_count":
      return {
        args: [asDouble(child, display, "first"), asDouble(second as Expr, display, "second")],
        type: T.LONG,
      };
    case "percentile": {
      const percentages = constantPercentages(second as Expr, display);
      const many = percentages.type.kind.case === "array";
      if (!T.isNumeric(child.type)) throw mismatch(display, child, '"NUMERIC"');
      const frequency = third ?? { kind: "literal", value: 1n, type: T.LONG, nullable: false };
      if (!T.isIntegral(frequency.type)) throw mismatch(display, frequency, '"INTEGRAL"', "third");
      return {
        args: [implicitCast(child, T.DOUBLE), percentages, implicitCast(frequency, T.LONG)],
        type: many ? arrayType(T.DOUBLE, false) : T.DOUBLE,
      };
    }
    case "approx_count_distinct":
      return { args: second === undefined ? [child] : [child, relativeErrorOf(second, display)], type: T.LONG };
    case "percentile_approx": {
      const kind = child.type.kind.case;
      const value = T.isString(child.type) || T.isNullType(child.type) ? implicitCast(child, T.DOUBLE) : child;
      if (!T.isNumeric(value.type) && kind !== "date" && kind !== "timestamp" && kind !== "timestampNtz") {
        throw mismatch(display, child, '("NUMERIC" or "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ")');
      }
      const percentages = constantPercentages(second as Expr, display);
      const many = percentages.type.kind.case === "array";
      return {
        args: [value, percentages, accuracyOf(third, display)],
        type: many ? arrayType(value.type, false) : value.type,
      };
    }
    case "listagg": {
      const value = child.type.kind.case === "binary" ? child : implicitCast(child, T.STRING);
      const delimiter = second === undefined ? [] : [listaggDelimiter(second, value.type, display)];
      return { args: [value, ...delimiter], type: value.type };
    }
    case "mode":
      if (second !== undefined && second.kind !== "literal")
        throw notSupportedLocally("mode() with a non-literal `deterministic` argument");
      return { args: second === undefined ? [child] : [child, second], type: child.type };
    default:
      return typeSketchAggregate(name, args, display);
  }
}

/** A literal's numeric value (SQL writes `0.05` as a DECIMAL literal: an unscaled integer and a scale). */
function numericLiteral(e: Expr): number | undefined {
  const inner = e.kind === "cast" ? e.child : e;
  if (inner.kind !== "literal") return undefined;
  if (typeof inner.value === "number") return inner.value;
  if (typeof inner.value !== "bigint") return undefined;
  const scale = inner.type.kind.case === "decimal" ? T.decimalParts(inner.type).scale : 0;
  return Number(inner.value) / 10 ** scale;
}

function nonFoldable(display: string, expr: Expr, name: string, type: string): Error {
  return dataTypeMismatch("NON_FOLDABLE_INPUT", `"${display}"`, `the ${name} must be a constant.`, {
    inputName: `\`${name}\``,
    inputType: type,
    inputExpr: `"${displayOf(expr)}"`,
  });
}

/** approx_count_distinct's relative standard deviation, folded to a DOUBLE literal (at most 39%, as Spark asks). */
function relativeErrorOf(expr: Expr, display: string): Expr {
  const rsd = numericLiteral(expr);
  if (rsd === undefined) throw nonFoldable(display, expr, "rsd", '"DOUBLE"');
  if (Math.ceil((2 * Math.log(1.106 / rsd)) / Math.log(2)) < 4) {
    throw new AnalysisException("HLL++ requires at least 4 bits for addressing. Use a lower error, at most 39%.");
  }
  return { kind: "literal", value: rsd, type: T.DOUBLE, nullable: false };
}

/** percentile_approx's accuracy, a positive INT literal (10000 when omitted). */
function accuracyOf(expr: Expr | undefined, display: string): Expr {
  if (expr === undefined) return { kind: "literal", value: DEFAULT_PERCENTILE_ACCURACY, type: T.INT, nullable: false };
  const accuracy = numericLiteral(expr);
  if (accuracy === undefined || !T.isIntegral(expr.type)) {
    if (!T.isIntegral(expr.type)) throw mismatch(display, expr, '"INTEGRAL"', "third");
    throw nonFoldable(display, expr, "accuracy", '"INT"');
  }
  if (!(accuracy > 0 && accuracy <= 2147483647)) {
    throw dataTypeMismatch("VALUE_OUT_OF_RANGE", `"${display}"`, "the accuracy must be positive.", {
      exprName: "accuracy",
      valueRange: "(0, 2147483647]",
      currentValue: String(accuracy),
    });
  }
  return { kind: "literal", value: accuracy, type: T.INT, nullable: false };
}

/** listagg's delimiter: a constant of the value's type (STRING or BINARY), or NULL for none. */
function listaggDelimiter(expr: Expr, valueType: T.DataType, display: string): Expr {
  const inner = expr.kind === "cast" ? expr.child : expr;
  if (inner.kind !== "literal") throw nonFoldable(display, expr, "delimiter", T.sqlTypeName(valueType));
  if (inner.value === null) return { kind: "literal", value: null, type: valueType, nullable: true };
  if (expr.type.kind.case !== valueType.kind.case) {
    throw mismatch(display, expr, T.sqlTypeName(valueType), "second");
  }
  return expr;
}

/** A percentage argument folded to a DOUBLE literal, or an ARRAY<DOUBLE> literal for `array(p1, p2, ...)`. */
function constantPercentages(expr: Expr, display: string): Expr {
  const elements = expr.kind === "call" && expr.name === "array" ? expr.args.map(numericLiteral) : undefined;
  const single = elements === undefined ? numericLiteral(expr) : undefined;
  const list = elements ?? [single];
  if (list.some((p) => p === undefined)) {
    throw dataTypeMismatch("NON_FOLDABLE_INPUT", `"${display}"`, "the percentage must be a constant.", {
      inputName: "`percentage`",
      inputType: '"DOUBLE"',
      inputExpr: `"${displayOf(expr)}"`,
    });
  }
  const bad = list.find((p) => !((p as number) >= 0 && (p as number) <= 1));
  if (bad !== undefined) {
    throw dataTypeMismatch("VALUE_OUT_OF_RANGE", `"${display}"`, "percentages must be between 0.0 and 1.0.", {
      exprName: "percentage",
      valueRange: "[0.0, 1.0]",
      currentValue: String(bad),
    });
  }
  return elements === undefined
    ? { kind: "literal", value: single as number, type: T.DOUBLE, nullable: false }
    : { kind: "literal", value: list as number[], type: arrayType(T.DOUBLE, false), nullable: false };
}

/**
 * Spark's typing of numeric literals: `10` is an int (or bigint, or decimal when it does not fit), `10L` bigint,
 * `10S` smallint, `10Y` tinyint, `1.5` decimal(2,1), `1e3` double, `1.5D` double, `1.5F` float and `1.5BD` an
 * exact decimal. Out-of-range values are rejected with Spark's error classes.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { literal } from "./expression-builders.js";
import { invalidSql, type SqlPosition } from "./parse-error.js";

const MAX_DECIMAL_PRECISION = 38;

const INTEGRAL_RANGES = {
  tinyint: [-128n, 127n],
  smallint: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
} as const;

/** A decimal number as Java's BigDecimal sees it: unscaled digits and a scale. */
interface ExactDecimal {
  readonly negative: boolean;
  /** Unscaled digits without leading zeros ("0" for zero). */
  readonly digits: string;
  readonly scale: number;
}

/** Builds the literal for a number token; `negative` folds a leading unary minus into the value as Spark does. */
export function numericLiteral(raw: string, negative: boolean, sql: string, at: SqlPosition): Expression {
  const upper = raw.toUpperCase();
  const sign = negative ? "-" : "";
  if (upper.endsWith("BD")) return decimalLiteral(toExactDecimal(raw.slice(0, -2), negative), sql, at);
  const suffix = upper.at(-1)!;
  const body = /[LSYDF]/.test(suffix) ? raw.slice(0, -1) : raw;
  switch (suffix) {
    case "L":
      return integral(sign + body, "bigint", sql, at, (value) => ({ case: "long", value }));
    case "S":
      return integral(sign + body, "smallint", sql, at, (value) => ({ case: "short", value: Number(value) }));
    case "Y":
      return integral(sign + body, "tinyint", sql, at, (value) => ({ case: "byte", value: Number(value) }));
    case "D":
      return finiteDouble(sign + body, "double", sql, at);
    case "F":
      return literal({ literalType: { case: "float", value: Math.fround(Number(sign + body)) } });
  }
  if (/[eE]/.test(raw)) return finiteDouble(sign + raw, "double", sql, at);
  if (raw.includes(".")) return decimalLiteral(toExactDecimal(raw, negative), sql, at);
  const value = BigInt(sign + raw);
  if (value >= INTEGRAL_RANGES.int[0] && value <= INTEGRAL_RANGES.int[1]) {
    return literal({ literalType: { case: "integer", value: Number(value) } });
  }
  if (value >= INTEGRAL_RANGES.bigint[0] && value <= INTEGRAL_RANGES.bigint[1]) {
    return literal({ literalType: { case: "long", value } });
  }
  return decimalLiteral(toExactDecimal(raw, negative), sql, at);
}

type IntegralCase =
  | { case: "long"; value: bigint }
  | { case: "short"; value: number }
  | { case: "byte"; value: number };

function integral(
  text: string,
  typeName: keyof typeof INTEGRAL_RANGES,
  sql: string,
  at: SqlPosition,
  make: (value: bigint) => IntegralCase,
): Expression {
  if (!/^-?\d+$/.test(text)) throw invalidNumber(text, typeName, sql, at);
  const value = BigInt(text);
  const [min, max] = INTEGRAL_RANGES[typeName];
  if (value < min || value > max) {
    throw invalidSql(
      sql,
      at,
      "INVALID_NUMERIC_LITERAL_RANGE",
      "22003",
      `Numeric literal ${text} is outside the valid range for ${typeName} with minimum value of ${min} and ` +
        `maximum value of ${max}. Please adjust the value accordingly.`,
      { rawStrippedQualifier: text, minValue: String(min), maxValue: String(max), typeName },
    );
  }
  return literal({ literalType: make(value) });
}

function finiteDouble(text: string, typeName: string, sql: string, at: SqlPosition): Expression {
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw invalidSql(
      sql,
      at,
      "INVALID_NUMERIC_LITERAL_RANGE",
      "22003",
      `Numeric literal ${text} is outside the valid range for ${typeName} with minimum value of ` +
        `-1.7976931348623157E+308 and maximum value of 1.7976931348623157E+308. Please adjust the value accordingly.`,
      { rawStrippedQualifier: text, typeName },
    );
  }
  return literal({ literalType: { case: "double", value } });
}

function invalidNumber(text: string, typeName: string, sql: string, at: SqlPosition): Error {
  return invalidSql(sql, at, "INVALID_NUMERIC_LITERAL", "22003", `Invalid ${typeName} literal: ${text}.`, {
    value: text,
    typeName,
  });
}

/** Reads `12.30`, `.5`, `1E10`, `1.2e-3` into unscaled digits and scale (BigDecimal semantics). */
function toExactDecimal(text: string, negative: boolean): ExactDecimal {
  const [mantissa = "", exponentText] = text.split(/[eE]/);
  const [whole = "", fraction = ""] = mantissa.split(".");
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const digits = (whole + fraction).replace(/^0+(?=\d)/, "") || "0";
  return { negative, digits, scale: fraction.length - exponent };
}

/** `decimal(p, s)` literal; a negative scale is widened to 0 as Spark does by default. */
function decimalLiteral(decimal: ExactDecimal, sql: string, at: SqlPosition): Expression {
  let { digits, scale } = decimal;
  if (scale < 0) {
    digits = digits === "0" ? "0" : digits + "0".repeat(-scale);
    scale = 0;
  }
  const precision = Math.max(digits.length, scale);
  if (precision > MAX_DECIMAL_PRECISION) {
    throw invalidSql(
      sql,
      at,
      "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
      "22003",
      `Decimal precision ${precision} exceeds max precision ${MAX_DECIMAL_PRECISION}.`,
      { precision: String(precision), maxPrecision: String(MAX_DECIMAL_PRECISION) },
    );
  }
  const padded = digits.padStart(scale + 1, "0");
  const plain = scale === 0 ? padded : `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  const value = decimal.negative && /[1-9]/.test(digits) ? `-${plain}` : plain;
  return literal({ literalType: { case: "decimal", value: { value, precision, scale } } });
}

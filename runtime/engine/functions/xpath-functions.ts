/**
 * The xpath family: xpath (the matched nodes' values: text and attribute values, NULL for elements),
 * xpath_string (the first node's string-value), xpath_boolean, and the numeric forms (xpath_double/number/float,
 * and xpath_int/long/short, which narrow the double as Java's casts do: NaN → 0, saturating, then wrapping
 * for short). The path must be a constant; an empty path gives NULL. Text that is not XML, or a path that
 * is not XPath, fails with the java.lang.RuntimeException Spark raises (no error class).
 */
import { UnknownException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { dataTypeMismatch } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { parseXml, stringValue, type XmlDocument, XmlSyntaxError } from "./xml-document.js";
import { evaluateOnDocument, toBoolean, toNumber, toStringValue, type XPathValue } from "./xpath-evaluation.js";
import { parseXPath, type XPathExpr, XPathSyntaxError } from "./xpath-expression.js";

function runtimeError(message: string): Error {
  return new UnknownException(`(java.lang.RuntimeException) ${message}`);
}

function compile(path: string): XPathExpr {
  try {
    return parseXPath(path);
  } catch (error) {
    if (error instanceof XPathSyntaxError) throw runtimeError(`Invalid XPath '${path}'${error.message}`);
    throw error;
  }
}

function load(xml: string, path: string): XmlDocument {
  try {
    return parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw runtimeError(`Error loading expression '${path}'`);
    throw error;
  }
}

/** Java's double → long cast: NaN → 0, out-of-range values saturate, the rest truncate toward zero. */
function javaLong(value: number): bigint {
  if (Number.isNaN(value)) return 0n;
  if (value >= 2 ** 63) return 9223372036854775807n;
  if (value <= -(2 ** 63)) return -9223372036854775808n;
  return BigInt(Math.trunc(value));
}

const javaInt = (value: number): number =>
  Number.isNaN(value) ? 0 : Math.max(-2147483648, Math.min(2147483647, Math.trunc(value)));

type Convert = (value: XPathValue) => Scalar;

const CONVERSIONS: Record<string, { type: T.DataType; convert: Convert }> = {
  xpath: {
    type: arrayType(T.STRING, true),
    convert: (value) =>
      Array.isArray(value)
        ? value.map((n) => (n.kind === "element" || n.kind === "document" ? null : stringValue(n)))
        : [],
  },
  xpath_string: { type: T.STRING, convert: toStringValue },
  xpath_boolean: { type: T.BOOLEAN, convert: toBoolean },
  xpath_double: { type: T.DOUBLE, convert: toNumber },
  xpath_number: { type: T.DOUBLE, convert: toNumber },
  xpath_float: { type: T.FLOAT, convert: (v) => Math.fround(toNumber(v)) },
  xpath_int: { type: T.INT, convert: (v) => javaInt(toNumber(v)) },
  xpath_long: { type: T.LONG, convert: (v) => javaLong(toNumber(v)) },
  xpath_short: { type: T.SHORT, convert: (v) => (javaInt(toNumber(v)) << 16) >> 16 },
};

function xpathFunction(name: string): ScalarFunction {
  const { type, convert } = CONVERSIONS[name] as { type: T.DataType; convert: Convert };
  return {
    resolve: (args, ctx) => {
      const [xml, path] = args as [Expr, Expr];
      const display = `${name}(${args.map(displayOf).join(", ")})`;
      if (path.kind !== "literal" || (path.value !== null && typeof path.value !== "string")) {
        throw dataTypeMismatch("NON_FOLDABLE_INPUT", `"${display}"`, "the path must be a STRING literal.", {
          inputName: "`path`",
          inputType: '"STRING"',
          inputExpr: `"${displayOf(path)}"`,
        });
      }
      const input = T.isString(xml.type) ? xml : implicitCast(xml, T.STRING);
      return call(name, [input, path], type, display, ctx, true);
    },
    kernel: ([xml], c) => {
      const pathArg = c.args[1];
      const path = pathArg?.kind === "literal" && typeof pathArg.value === "string" ? pathArg.value : null;
      const column = xml as ColumnVector;
      const expr = path === null || path === "" ? null : compile(path);
      const out: Scalar[] = [];
      for (let row = 0; row < column.length; row++) {
        const text = getScalar(column, row);
        if (text === null || expr === null || path === null) {
          out.push(null);
          continue;
        }
        out.push(convert(evaluateOnDocument(expr, load(text as string, path))));
      }
      return columnFromScalars(c.type, out);
    },
  };
}

export const xpathFunctions: Record<string, ScalarFunction> = Object.fromEntries(
  Object.keys(CONVERSIONS).map((name) => [name, xpathFunction(name)]),
);

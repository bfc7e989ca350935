/**
 * to_char / to_varchar and to_number / try_to_number. A number is cast to the decimal Spark widens it to and
 * printed with the number format; dates and timestamps go to date_format, binary to base64 / hex / decode per
 * the format, as Spark rewrites them. to_number reads text into DECIMAL(digits, digits after the point), raising
 * INVALID_FORMAT.MISMATCH_INPUT for text that does not fit (try_to_number gives NULL instead).
 */
import { AnalysisException, IllegalArgumentException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { dataTypeMismatch, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { datetimeFormattingFunctions } from "./datetime-formatting.js";
import { call, type ResolveContext, type ScalarFunction } from "./function-types.js";
import { mapValues } from "./kernel-helpers.js";
import { compileNumberFormat, type NumberFormat } from "./number-format-pattern.js";
import { formatWithNumberFormat, parseWithNumberFormat } from "./number-format-text.js";
import { radixFunctions } from "./radix.js";
import { stringCodeFunctions } from "./string-codes.js";
import { textEncodingFunctions } from "./text-encoding.js";

/** The decimal each numeric type (and text) is cast to before formatting, as Spark's implicit casts choose. */
function decimalFor(type: T.DataType): T.DataType | null {
  switch (type.kind.case) {
    case "decimal":
      return type;
    case "byte":
    case "short":
    case "integer":
    case "long":
      return T.decimalForIntegral(type);
    case "float":
      return T.decimalType(14, 7);
    case "double":
      return T.decimalType(30, 15);
    case "string":
    case "null":
      return T.decimalType(38, 18);
    default:
      return null;
  }
}

const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

function formatLiteral(name: string, args: readonly Expr[], format: Expr): string {
  if (format.kind !== "literal" || (format.value !== null && typeof format.value !== "string")) {
    throw dataTypeMismatch("NON_FOLDABLE_INPUT", `"${show(name, args)}"`, "the format must be a STRING literal.", {
      inputName: "`format`",
      inputType: '"STRING"',
      inputExpr: `"${displayOf(format)}"`,
    });
  }
  return (format.value as string | null) ?? "";
}

function formatOfCall(args: readonly Expr[]): NumberFormat {
  const format = args[1];
  return compileNumberFormat(format?.kind === "literal" ? String(format.value ?? "") : "");
}

const BINARY_FORMATS: Record<string, (bin: Expr, format: Expr, ctx: ResolveContext) => Expr> = {
  base64: (bin, _format, ctx) => stringCodeFunctions.base64?.resolve([bin], ctx, "base64") as Expr,
  hex: (bin, _format, ctx) => radixFunctions.hex?.resolve([bin], ctx, "hex") as Expr,
  // Spark's decode may fail to NULL on malformed input, so it is always nullable.
  "utf-8": (bin, format, ctx) => ({
    ...(textEncodingFunctions.decode?.resolve([bin, format], ctx, "decode") as Expr),
    nullable: true,
  }),
};

function binaryFormat(bin: Expr, format: Expr, ctx: ResolveContext): Expr {
  const text = format.kind === "literal" && typeof format.value === "string" ? format.value.toLowerCase() : null;
  const rewrite = text === null ? undefined : BINARY_FORMATS[text];
  if (rewrite === undefined) {
    const invalidFormat = `'${format.kind === "literal" ? String(format.value) : displayOf(format)}'`;
    throw sparkError(
      AnalysisException,
      "INVALID_PARAMETER_VALUE.BINARY_FORMAT",
      "22023",
      `The value of parameter(s) \`format\` in \`to_char\` is invalid: expects one of binary formats 'base64', 'hex', 'utf-8', but got ${invalidFormat}.`,
      { parameter: "`format`", functionName: "`to_char`", invalidFormat },
    );
  }
  return rewrite(bin, format, ctx);
}

const toChar: ScalarFunction = {
  resolve: (args, ctx) => {
    const [value, format] = args as [Expr, Expr];
    const kind = value.type.kind.case;
    if (kind === "date" || kind === "timestamp" || kind === "timestampNtz") {
      const rewritten = datetimeFormattingFunctions.date_format?.resolve([value, format], ctx, "date_format") as Expr;
      // Spark's date_format is NULL only for NULL inputs.
      return { ...rewritten, nullable: value.nullable || format.nullable };
    }
    if (kind === "binary") return binaryFormat(value, format, ctx);
    const decimal = decimalFor(value.type);
    if (decimal === null) {
      throw dataTypeMismatch(
        "UNEXPECTED_INPUT_TYPE",
        `"${show("to_char", args)}"`,
        `The first parameter requires the "DECIMAL" type, however "${displayOf(value)}" has the type ${T.sqlTypeName(value.type)}.`,
        {
          paramIndex: "first",
          requiredType: '"DECIMAL"',
          inputSql: `"${displayOf(value)}"`,
          inputType: T.sqlTypeName(value.type),
        },
      );
    }
    compileNumberFormat(formatLiteral("to_char", args, format));
    const input = kind === "decimal" ? value : implicitCast(value, decimal);
    // A cast from a double, float or text may fail to NULL, so Spark marks those results nullable.
    const nullable = value.nullable || !(kind === "decimal" || T.isIntegral(value.type));
    return call("to_char", [input, format], T.STRING, show("to_char", args), ctx, nullable);
  },
  kernel: ([value], c) => {
    const format = formatOfCall(c.args);
    const column = value as ColumnVector;
    const { scale } = T.decimalParts(column.type);
    return mapValues<bigint, string>(column, T.STRING, (v) => formatWithNumberFormat(v, scale, format));
  },
};

function mismatchInput(input: string, format: string): Error {
  return sparkError(
    IllegalArgumentException,
    "INVALID_FORMAT.MISMATCH_INPUT",
    "42601",
    `The format is invalid: ${format}. The input "STRING" ${input} does not match the format.`,
    { inputType: '"STRING"', input, format },
  );
}

function toNumberFunction(name: string, lenient: boolean): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [value, format] = args as [Expr, Expr];
      const compiled = compileNumberFormat(formatLiteral(name, args, format));
      const type = T.decimalType(Math.max(1, compiled.digitsBefore + compiled.digitsAfter), compiled.digitsAfter);
      const input = T.isString(value.type) ? value : implicitCast(value, T.STRING);
      return call(name, [input, format], type, show(name, args), ctx, lenient || value.nullable);
    },
    kernel: ([value], c) => {
      const format = formatOfCall(c.args);
      return mapValues<string, bigint>(value as ColumnVector, c.type, (text) => {
        const parsed = parseWithNumberFormat(text, format);
        if (parsed === null && !lenient) throw mismatchInput(text, format.source);
        return parsed;
      });
    },
  };
}

export const numberFormatFunctions: Record<string, ScalarFunction> = {
  to_char: toChar,
  to_varchar: toChar,
  to_number: toNumberFunction("to_number", false),
  try_to_number: toNumberFunction("try_to_number", true),
};

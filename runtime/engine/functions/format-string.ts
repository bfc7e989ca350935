/**
 * format_string / printf: Java's `String.format` over Spark's argument values. Supported conversions: %s %S %b
 * %B %c %C %d %o %x %X %e %E %f %% %n, with argument indexes (`2$`, `<`), the flags - # + space 0 , ( and width
 * and precision. Spark hands Java its internal values, so a DATE prints as its day number and a DECIMAL only
 * fits %s; %f rounds HALF_UP from the shortest decimal form of a double, as Java's Formatter does.
 */
import { IllegalArgumentException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import { displayOf, javaDoubleString } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { formatDecimal } from "./cast-kernel.js";
import { call, type ScalarFunction } from "./function-types.js";

const SPEC = /%(\d+\$|<)?([-#+ 0,(]*)(\d+)?(\.\d+)?([a-zA-Z%])/g;

interface Arg {
  readonly value: Scalar;
  readonly type: T.DataType;
}

function formatError(kind: string, detail: string): Error {
  return sparkError(IllegalArgumentException, "INTERNAL_ERROR", "XX000", `java.util.${kind}: ${detail}`, {});
}

/** Java's toString of the value Spark passes for a column of this type. */
function javaString(arg: Arg): string {
  const { value, type } = arg;
  if (value === null) return "null";
  switch (type.kind.case) {
    case "double":
      return javaDoubleString(value as number);
    case "decimal":
      return formatDecimal(value as bigint, T.decimalParts(type).scale);
    case "boolean":
      return value ? "true" : "false";
    case "string":
    case "integer":
    case "long":
    case "short":
    case "byte":
    case "date":
    case "timestamp":
      return String(value);
    default:
      throw notSupportedLocally(`format_string %s of a ${T.simpleString(type)} value`);
  }
}

function pad(text: string, flags: string, width: number | undefined): string {
  if (width === undefined || text.length >= width) return text;
  return flags.includes("-") ? text.padEnd(width, " ") : text.padStart(width, " ");
}

/** Sign, grouping, zero padding and parentheses around a magnitude already written in digits. */
function signed(negative: boolean, digits: string, flags: string, width: number | undefined): string {
  let body = flags.includes(",") ? groupDigits(digits) : digits;
  const prefix = negative
    ? flags.includes("(")
      ? "("
      : "-"
    : flags.includes("+")
      ? "+"
      : flags.includes(" ")
        ? " "
        : "";
  const suffix = negative && flags.includes("(") ? ")" : "";
  if (flags.includes("0") && width !== undefined) {
    body = body.padStart(width - prefix.length - suffix.length, "0");
  }
  return pad(prefix + body + suffix, flags, width);
}

function groupDigits(digits: string): string {
  const dot = digits.indexOf(".");
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (dot < 0 ? "" : digits.slice(dot));
}

/** The shortest decimal digits of |v| and its decimal exponent: v = 0.d1d2… × 10^exponent. */
function shortestDigits(v: number): { digits: string; exponent: number } {
  const [mantissa, exp] = Math.abs(v).toExponential().split("e") as [string, string];
  return { digits: mantissa.replace(".", ""), exponent: Number(exp) + 1 };
}

/** digits × 10^shift rounded HALF_UP to an integer. */
function shiftHalfUp(digits: bigint, shift: number): bigint {
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const quotient = digits / divisor;
  return (digits % divisor) * 2n >= divisor ? quotient + 1n : quotient;
}

function fixed(v: number, precision: number): string {
  if (v === 0) return precision > 0 ? `0.${"0".repeat(precision)}` : "0";
  const { digits, exponent } = shortestDigits(v);
  const unscaled = shiftHalfUp(BigInt(digits), exponent - digits.length + precision).toString();
  const text = unscaled.padStart(precision + 1, "0");
  const whole = text.slice(0, text.length - precision);
  return precision > 0 ? `${whole}.${text.slice(text.length - precision)}` : whole;
}

function scientific(v: number, precision: number, upper: boolean): string {
  let mantissa = "0".repeat(precision + 1);
  let exponent = 0;
  if (v !== 0) {
    const shortest = shortestDigits(v);
    mantissa = shiftHalfUp(BigInt(shortest.digits), precision + 1 - shortest.digits.length).toString();
    exponent = shortest.exponent - 1;
    if (mantissa.length > precision + 1) {
      mantissa = mantissa.slice(0, precision + 1);
      exponent += 1;
    }
  }
  const body = precision > 0 ? `${mantissa[0]}.${mantissa.slice(1)}` : (mantissa[0] as string);
  const exp = `${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  return `${body}${upper ? "E" : "e"}${exp}`;
}

const INTEGRAL_BITS: Record<string, bigint> = { byte: 8n, short: 16n, integer: 32n, long: 64n };

function convert(
  conversion: string,
  flags: string,
  width: number | undefined,
  precision: number | undefined,
  arg: Arg,
): string {
  const lower = conversion.toLowerCase();
  const upper = conversion !== lower;
  const cased = (s: string) => (upper ? s.toUpperCase() : s);
  if (lower === "b") {
    const text = arg.value === null ? "false" : arg.type.kind.case === "boolean" ? String(arg.value) : "true";
    return pad(cased(precision === undefined ? text : text.slice(0, precision)), flags, width);
  }
  if (lower === "s") {
    const text = javaString(arg);
    return pad(cased(precision === undefined ? text : text.slice(0, precision)), flags, width);
  }
  // Java prints a null argument as "null" for any conversion, cut to the precision like a string.
  if (arg.value === null) return pad(cased("null".slice(0, precision)), flags, width);
  const kind = arg.type.kind.case ?? "";
  const bits = INTEGRAL_BITS[kind];
  const mismatch = () =>
    formatError("IllegalFormatConversionException", `${conversion} != ${T.simpleString(arg.type)}`);
  switch (lower) {
    case "c": {
      if (bits === undefined || kind === "long") throw mismatch();
      return pad(cased(String.fromCodePoint(Number(arg.value))), flags, width);
    }
    case "d": {
      if (bits === undefined) throw mismatch();
      const v = BigInt(arg.value as number | bigint);
      return signed(v < 0n, (v < 0n ? -v : v).toString(), flags, width);
    }
    case "o":
    case "x": {
      if (bits === undefined) throw mismatch();
      const v = BigInt.asUintN(Number(bits), BigInt(arg.value as number | bigint));
      let text = v.toString(lower === "x" ? 16 : 8);
      if (flags.includes("#")) text = (lower === "x" ? "0x" : "0") + text;
      if (flags.includes("0") && width !== undefined) text = text.padStart(width, "0");
      return pad(cased(text), flags, width);
    }
    case "e":
    case "f": {
      if (kind !== "double" && kind !== "float") throw mismatch();
      const v = arg.value as number;
      if (Number.isNaN(v)) return pad("NaN", flags, width);
      if (!Number.isFinite(v)) return signed(v < 0, "Infinity", flags.replace("0", ""), width);
      const digits = lower === "f" ? fixed(v, precision ?? 6) : scientific(v, precision ?? 6, upper);
      return signed(v < 0 || Object.is(v, -0), digits, flags, width);
    }
    default:
      throw notSupportedLocally(`format_string's %${conversion} conversion`);
  }
}

export function javaFormat(format: string, args: readonly Arg[]): string {
  let ordinary = 0;
  let last = -1;
  return format.replace(
    SPEC,
    (_m, index: string | undefined, flags: string, w?: string, p?: string, conversion?: string) => {
      if (conversion === "%") return pad("%", flags, w === undefined ? undefined : Number(w));
      if (conversion === "n") return "\n";
      const at = index === "<" ? last : index !== undefined ? Number(index.slice(0, -1)) - 1 : ordinary++;
      last = at;
      const arg = args[at];
      if (arg === undefined) throw formatError("MissingFormatArgumentException", `Format specifier '${_m}'`);
      const width = w === undefined ? undefined : Number(w);
      const precision = p === undefined ? undefined : Number(p.slice(1));
      return convert(conversion as string, flags, width, precision, arg);
    },
  );
}

function formatStringFunction(name: string): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [format, ...rest] = args as [Expr, ...Expr[]];
      if (format === undefined) throw notSupportedLocally(`${name}() without a format`);
      const display = `${name}(${args.map(displayOf).join(", ")})`;
      const typedFormat = T.isString(format.type) ? format : implicitCast(format, T.STRING);
      return call(name, [typedFormat, ...rest], T.STRING, display, ctx, format.nullable);
    },
    kernel: (args, c) => {
      const [format, ...rest] = args as [ColumnVector, ...ColumnVector[]];
      const out: Scalar[] = [];
      for (let row = 0; row < format.length; row++) {
        const pattern = getScalar(format, row);
        if (pattern === null) {
          out.push(null);
          continue;
        }
        out.push(
          javaFormat(
            pattern as string,
            rest.map((a) => ({ value: getScalar(a, row), type: a.type })),
          ),
        );
      }
      return columnFromScalars(c.type, out);
    },
  };
}

export const formatStringFunctions: Record<string, ScalarFunction> = {
  format_string: formatStringFunction("format_string"),
  printf: formatStringFunction("printf"),
};

/**
 * One value as the text Spark puts in a `show()` cell (its "pretty string" cast): NULL for null at any depth,
 * `[a, b]` for arrays, `{k -> v}` for maps, `{a, b}` for structs, `[01 FF]` for binary, JVM number formatting,
 * timestamps in the session time zone and ANSI interval literals.
 */
import { CalendarInterval } from "../arrow/calendar-interval.js";
import { DateValue } from "../arrow/date-value.js";
import { Decimal } from "../arrow/decimal.js";
import { Row } from "../arrow/row.js";
import { TimeValue } from "../arrow/time-value.js";
import { TimestampNTZValue, TimestampValue } from "../arrow/timestamp-value.js";
import { VariantValue } from "../arrow/variant-value.js";
import { ClientArgumentError } from "../errors/index.js";
import { assertNever, type SparkDataType } from "../types/index.js";
import { formatDayTimeInterval, formatYearMonthInterval } from "./interval-format.js";
import { formatJavaDouble, formatJavaFloat } from "./java-number-format.js";
import { formatInstantMicros, formatLocalMicros } from "./timestamp-format.js";

export interface CellFormatOptions {
  /** Session time zone for TIMESTAMP values (Spark's `spark.sql.session.timeZone`). */
  readonly timeZone: string;
}

function mismatch(value: unknown, type: SparkDataType): ClientArgumentError {
  const shown = typeof value === "object" && value !== null ? value.constructor.name : typeof value;
  return new ClientArgumentError(`Cannot show a ${shown} value as Spark type ${type.simpleString()}.`);
}

function expect<T>(value: unknown, type: SparkDataType, check: (v: unknown) => v is T): T {
  if (!check(value)) throw mismatch(value, type);
  return value;
}

const isNumber = (v: unknown): v is number => typeof v === "number";
const isBigint = (v: unknown): v is bigint => typeof v === "bigint";
const isString = (v: unknown): v is string => typeof v === "string";
const instance =
  <T>(cls: abstract new (...args: never[]) => T) =>
  (v: unknown): v is T =>
    v instanceof cls;

export function formatCell(value: unknown, type: SparkDataType, options: CellFormatOptions): string {
  if (value === null || value === undefined) return "NULL";
  switch (type.kind) {
    case "null":
      return "NULL";
    case "boolean":
      if (typeof value !== "boolean") throw mismatch(value, type);
      return String(value);
    case "byte":
    case "short":
    case "integer":
    case "year_month_interval":
      if (type.kind === "year_month_interval") return formatYearMonthInterval(expect(value, type, isNumber), type);
      return String(expect(value, type, isNumber));
    case "long":
      return expect(value, type, isBigint).toString();
    case "float":
      return formatJavaFloat(expect(value, type, isNumber));
    case "double":
      return formatJavaDouble(expect(value, type, isNumber));
    case "decimal":
      return expect(value, type, instance(Decimal)).toString();
    case "string":
    case "char":
    case "varchar":
      return expect(value, type, isString);
    case "binary":
      return formatBinary(expect(value, type, instance(Uint8Array)));
    case "date":
      return expect(value, type, instance(DateValue)).toString();
    case "timestamp":
      return formatInstantMicros(expect(value, type, instance(TimestampValue)).micros, options.timeZone);
    case "timestamp_ntz":
      return formatLocalMicros(expect(value, type, instance(TimestampNTZValue)).micros);
    case "time":
      return expect(value, type, instance(TimeValue)).toString();
    case "day_time_interval":
      return formatDayTimeInterval(expect(value, type, isBigint), type);
    case "calendar_interval":
      return expect(value, type, instance(CalendarInterval)).toString();
    case "variant":
      // Spark writes timestamps inside a variant in UTC whatever the session time zone is.
      return expect(value, type, instance(VariantValue)).toJsonString("UTC");
    case "array": {
      const items = expect(value, type, Array.isArray);
      return `[${items.map((item) => formatCell(item, type.elementType, options)).join(", ")}]`;
    }
    case "map": {
      const entries = [...expect(value, type, instance(Map))];
      const text = entries.map(
        ([k, v]) => `${formatCell(k, type.keyType, options)} -> ${formatCell(v, type.valueType, options)}`,
      );
      return `{${text.join(", ")}}`;
    }
    case "struct": {
      const row = expect(value, type, instance(Row));
      return `{${type.fields.map((field, i) => formatCell(row.values[i], field.dataType, options)).join(", ")}}`;
    }
    default:
      return assertNever(type);
  }
}

function formatBinary(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, "0"));
  return `[${hex.join(" ")}]`;
}

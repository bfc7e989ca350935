/**
 * to_csv(struct[, options]): one struct as a CSV line, written as Spark's CSV generator writes a record.
 * Values are trimmed of surrounding whitespace (the writer's ignoreLeading/TrailingWhiteSpace default true) and
 * quoted when empty or holding the separator, the quote or a line break (any value with quoteAll); inside
 * quotes the escape character escapes itself and the quote. NULL is nullValue. Dates and timestamps use
 * dateFormat / timestampFormat (ISO forms by default); nested values print as Spark's CSV writer prints them
 * (`[1, 2]`, `{k -> v}`, `{1, a}`, NULL elements empty) and binary as spaced hex bytes (`[AB 10]`).
 */
import {
  type ColumnVector,
  columnFromScalars,
  getScalar,
  type MapValue,
  type Scalar,
} from "../columnar/column-vector.js";
import { dataTypeMismatch } from "../errors.js";
import { SourceOptions } from "../io/source-options.js";
import { formatDecimal, formatTimestamp, formatTimestampNtz, javaDouble, javaFloat } from "../io/value-format.js";
import { displayOf } from "../logical/expression-display.js";
import * as T from "../types/data-types.js";
import { arrayParts, mapParts, structFields } from "../types/nested-types.js";
import { formatDate } from "./datetime-format.js";
import { compilePattern, formatWithPattern } from "./datetime-pattern.js";
import { optionsLiteral, optionsOfCall, readOptionsMap } from "./function-options.js";
import { call, type ScalarFunction } from "./function-types.js";

const MICROS_PER_DAY = 86_400_000_000n;

interface CsvWriterSettings {
  readonly sep: string;
  readonly quote: string;
  readonly escape: string;
  readonly nullValue: string;
  readonly quoteAll: boolean;
  readonly escapeQuotes: boolean;
  readonly trimLeading: boolean;
  readonly trimTrailing: boolean;
  readonly date: (days: number) => string;
  readonly timestamp: (micros: bigint) => string;
  readonly timestampNtz: (micros: bigint) => string;
}

export function csvWriterSettings(options: Record<string, string>, timeZone: string): CsvWriterSettings {
  const source = new SourceOptions(options);
  const zone = source.string("timeZone", timeZone);
  const pattern = (key: string) => {
    const value = source.get(key);
    return value === undefined ? null : compilePattern(value);
  };
  const dateFormat = pattern("dateFormat");
  const timestampFormat = pattern("timestampFormat");
  const ntzFormat = pattern("timestampNTZFormat");
  return {
    sep: source.char("sep", source.char("delimiter", ",")),
    quote: source.char("quote", '"'),
    escape: source.char("escape", "\\"),
    nullValue: source.string("nullValue", ""),
    quoteAll: source.boolean("quoteAll", false),
    escapeQuotes: source.boolean("escapeQuotes", true),
    trimLeading: source.boolean("ignoreLeadingWhiteSpace", true),
    trimTrailing: source.boolean("ignoreTrailingWhiteSpace", true),
    date:
      dateFormat === null ? formatDate : (days) => formatWithPattern(BigInt(days) * MICROS_PER_DAY, dateFormat, "UTC"),
    timestamp:
      timestampFormat === null
        ? (micros) => formatTimestamp(micros, zone)
        : (micros) => formatWithPattern(micros, timestampFormat, zone),
    timestampNtz: ntzFormat === null ? formatTimestampNtz : (micros) => formatWithPattern(micros, ntzFormat, "UTC"),
  };
}

const hexBytes = (bytes: Uint8Array): string =>
  `[${Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ")}]`;

/** Items joined as Spark's CSV writer joins nested values: `,` then a space before each non-NULL item. */
function joinItems(items: readonly (string | null)[]): string {
  return items.map((item, i) => (i === 0 ? (item ?? "") : item === null ? "," : `, ${item}`)).join("");
}

/** The text of one non-NULL value of `type`. */
export function csvValueText(value: Scalar, type: T.DataType, settings: CsvWriterSettings): string {
  const nested = (v: Scalar, t: T.DataType) => (v === null ? null : csvValueText(v, t, settings));
  switch (type.kind.case) {
    case "boolean":
      return value === true || value === 1 ? "true" : "false";
    case "double":
      return javaDouble(value as number);
    case "float":
      return javaFloat(value as number);
    case "decimal":
      return formatDecimal(value as bigint, T.decimalParts(type).scale);
    case "date":
      return settings.date(value as number);
    case "timestamp":
      return settings.timestamp(value as bigint);
    case "timestampNtz":
      return settings.timestampNtz(value as bigint);
    case "binary":
      return hexBytes(value as Uint8Array);
    case "array": {
      const { element } = arrayParts(type);
      return `[${joinItems((value as readonly Scalar[]).map((v) => nested(v, element)))}]`;
    }
    case "map": {
      const parts = mapParts(type);
      const map = value as MapValue;
      const entries = map.keys.map((k, i) => {
        const v = nested(map.values[i] ?? null, parts.value);
        return `${nested(k, parts.key) ?? ""} ->${v === null ? "" : ` ${v}`}`;
      });
      return `{${entries.join(", ")}}`;
    }
    case "struct": {
      const fields = structFields(type);
      return `{${joinItems(fields.map((f, i) => nested((value as readonly Scalar[])[i] ?? null, f.type)))}}`;
    }
    default:
      return String(value);
  }
}

/** Drops the characters at or below U+0020 at either end, as the CSV writer's whitespace trimming does. */
function trimEdges(text: string, leading: boolean, trailing: boolean): string {
  let start = 0;
  let end = text.length;
  while (leading && start < end && text.charCodeAt(start) <= 0x20) start++;
  while (trailing && end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/** One field as written: trimmed, then quoted and escaped when it needs to be. */
function csvField(text: string | null, settings: CsvWriterSettings): string {
  if (text === null) return settings.nullValue;
  const value = trimEdges(text, settings.trimLeading, settings.trimTrailing);
  const { quote, escape: escapeChar, sep } = settings;
  const needsQuotes =
    settings.quoteAll ||
    value === "" ||
    (sep !== "" && value.includes(sep)) ||
    (settings.escapeQuotes && quote !== "" && value.includes(quote)) ||
    /[\r\n]/.test(value);
  if (!needsQuotes || quote === "") return value;
  let escaped = "";
  for (const ch of value) {
    if (ch === quote) escaped += `${escapeChar === "" ? quote : escapeChar}${ch}`;
    else if (ch === escapeChar && escapeChar !== quote) escaped += `${escapeChar}${ch}`;
    else escaped += ch;
  }
  return `${quote}${escaped}${quote}`;
}

export function structToCsv(row: readonly Scalar[], type: T.DataType, settings: CsvWriterSettings): string {
  return structFields(type)
    .map((f, i) => {
      const value = row[i] ?? null;
      return csvField(value === null ? null : csvValueText(value, f.type, settings), settings);
    })
    .join(settings.sep);
}

const toCsv: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child, options] = args;
    const display = `to_csv(${child === undefined ? "" : displayOf(child)})`;
    if (child === undefined || child.type.kind.case !== "struct") {
      const dataType = child === undefined ? '""' : T.sqlTypeName(child.type);
      throw dataTypeMismatch(
        "UNSUPPORTED_INPUT_TYPE",
        `"${display}"`,
        `The input of \`to_csv\` can't be ${dataType} type data.`,
        { functionName: "`to_csv`", dataType },
      );
    }
    return call("to_csv", [child, optionsLiteral(readOptionsMap(options))], T.STRING, display, ctx, true);
  },
  kernel: ([struct], c, ctx) => {
    const column = struct as ColumnVector;
    const settings = csvWriterSettings(optionsOfCall(c.args, 1), ctx.timeZone);
    const out: Scalar[] = [];
    for (let row = 0; row < column.length; row++) {
      const value = getScalar(column, row);
      out.push(value === null ? null : structToCsv(value as readonly Scalar[], column.type, settings));
    }
    return columnFromScalars(c.type, out);
  },
};

export const csvWritingFunctions: Record<string, ScalarFunction> = { to_csv: toCsv };

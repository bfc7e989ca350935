/**
 * from_csv(csv, schema[, options]): one CSV record into a struct, read by the same tokenizer, settings and
 * field parsers as the `csv` file source. PERMISSIVE (the default) keeps what parses: a field that does not fit
 * its type is NULL, a short record is padded with NULLs, extra fields are dropped, and the corrupt-record field
 * (when the schema has one) gets the text of a bad record. FAILFAST raises Spark's malformed-record error with
 * the partly parsed row; DROPMALFORMED is rejected at analysis, as in Spark.
 */
import { AnalysisException, UnsupportedOperationException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { dataTypeMismatch, sparkError } from "../errors.js";
import { type CsvSettings, CsvSplit, csvSettings } from "../io/csv-reader.js";
import { malformedRecord } from "../io/parse-mode.js";
import { SourceOptions } from "../io/source-options.js";
import { textParserFor } from "../io/text-values.js";
import { formatDecimal, javaDouble, javaFloat } from "../io/value-format.js";
import { displayOf } from "../logical/expression-display.js";
import * as T from "../types/data-types.js";
import { structFields } from "../types/nested-types.js";
import { parseTypeString } from "../types/schema-strings.js";
import { optionsLiteral, optionsOfCall, readOptionsMap } from "./function-options.js";
import { call, type ScalarFunction } from "./function-types.js";

const CSV_FIELD_TYPES = new Set([
  "string",
  "boolean",
  "byte",
  "short",
  "integer",
  "long",
  "float",
  "double",
  "decimal",
  "date",
  "timestamp",
  "timestampNtz",
]);

function unsupportedDataType(type: T.DataType): Error {
  const typeName = T.sqlTypeName(type);
  return sparkError(
    UnsupportedOperationException,
    "UNSUPPORTED_DATATYPE",
    "0A000",
    `Unsupported data type ${typeName}.`,
    {
      typeName,
    },
  );
}

export type FromCsvMode = "PERMISSIVE" | "FAILFAST";

/** The parse mode of a from_csv-like function: unknown names fall back to PERMISSIVE, as Spark's ParseMode does. */
export function functionParseMode(name: string, options: SourceOptions): FromCsvMode {
  const mode = options.string("mode", "PERMISSIVE").toUpperCase();
  if (mode === "DROPMALFORMED") {
    throw sparkError(
      AnalysisException,
      "PARSE_MODE_UNSUPPORTED",
      "42601",
      `The function \`${name}\` doesn't support the DROPMALFORMED mode. Acceptable modes are PERMISSIVE and FAILFAST.`,
      { funcName: `\`${name}\``, mode: "DROPMALFORMED" },
    );
  }
  return mode === "FAILFAST" ? "FAILFAST" : "PERMISSIVE";
}

/** How Spark prints a partly parsed row in a malformed-record error: `[1,null,abc]` over the internal values. */
export function internalRowText(values: readonly Scalar[], types: readonly T.DataType[]): string {
  const cell = (value: Scalar, type: T.DataType): string => {
    if (value === null) return "null";
    if (type.kind.case === "double") return javaDouble(value as number);
    if (type.kind.case === "float") return javaFloat(value as number);
    if (type.kind.case === "decimal") return formatDecimal(value as bigint, T.decimalParts(type).scale);
    return String(value);
  };
  return `[${values.map((v, i) => cell(v, types[i] as T.DataType)).join(",")}]`;
}

interface CsvRowReader {
  readonly settings: CsvSettings;
  readonly mode: FromCsvMode;
  readonly fields: ReturnType<typeof structFields>;
  readonly corruptIndex: number;
  readonly parsers: ((text: string) => Scalar)[];
}

function rowReader(type: T.DataType, options: Record<string, string>, timeZone: string): CsvRowReader {
  const source = new SourceOptions(options);
  const settings = csvSettings(source, timeZone);
  const fields = structFields(type);
  const corruptIndex = fields.findIndex((f) => f.name === settings.corruptColumn && T.isString(f.type));
  const parsers = fields.map((f, i) =>
    i === corruptIndex ? () => null : (textParserFor(f.type, settings.formats) as (text: string) => Scalar),
  );
  return { settings, mode: functionParseMode("from_csv", source), fields, corruptIndex, parsers };
}

export function parseCsvRecord(text: string, reader: CsvRowReader): Scalar[] {
  const bytes = Buffer.from(text, "utf8");
  const split = new CsvSplit(bytes, reader.settings, 0, bytes.length, false);
  const { fields, corruptIndex, parsers } = reader;
  const values: Scalar[] = new Array(fields.length).fill(null);
  const dataWidth = corruptIndex < 0 ? fields.length : fields.length - 1;
  const hasRecord = split.tokens.numRecords > 0;
  // An empty input is a record with no fields: malformed, as Spark's parser sees it.
  let bad = !hasRecord || split.fieldCount(0) !== dataWidth;
  let c = 0;
  for (let i = 0; i < fields.length; i++) {
    if (i === corruptIndex) continue;
    const cell = hasRecord ? split.text(0, c) : null;
    c++;
    if (cell === null) continue;
    const value = (parsers[i] as (text: string) => Scalar)(cell);
    if (value === null) bad = true;
    values[i] = value;
  }
  if (!bad) return values;
  if (reader.mode === "FAILFAST") {
    const types = fields.map((f) => f.type);
    throw malformedRecord(internalRowText(values, types), "a field does not fit its type or the field count is wrong");
  }
  // Spark keeps the corrupt-record field NULL for an empty input (no record text to keep).
  if (corruptIndex >= 0 && hasRecord) values[corruptIndex] = text;
  return values;
}

const fromCsv: ScalarFunction = {
  resolve: (args, ctx) => {
    const [csv, schema, options] = args;
    const display = `from_csv(${csv === undefined ? "" : displayOf(csv)})`;
    if (csv === undefined || schema === undefined) {
      throw dataTypeMismatch("WRONG_NUM_ARGS", `"${display}"`, "from_csv needs a CSV string and a schema.", {});
    }
    if (schema.kind !== "literal" || typeof schema.value !== "string") {
      throw dataTypeMismatch("NON_FOLDABLE_INPUT", `"${display}"`, "the schema must be a STRING literal.", {
        inputName: "`schema`",
        inputType: '"STRING"',
        inputExpr: `"${displayOf(schema)}"`,
      });
    }
    const type = parseTypeString(schema.value);
    for (const field of structFields(type))
      if (!CSV_FIELD_TYPES.has(field.type.kind.case ?? "")) throw unsupportedDataType(field.type);
    const parsed = readOptionsMap(options);
    functionParseMode("from_csv", new SourceOptions(parsed));
    const input = T.isString(csv.type) ? csv : implicitCast(csv, T.STRING);
    return call("from_csv", [input, optionsLiteral(parsed)], type, display, ctx, csv.nullable);
  },
  kernel: ([csv], c, ctx) => {
    const reader = rowReader(c.type, optionsOfCall(c.args, 1), ctx.timeZone);
    const column = csv as ColumnVector;
    const out: Scalar[] = [];
    for (let row = 0; row < column.length; row++) {
      const text = getScalar(column, row);
      out.push(text === null ? null : parseCsvRecord(text as string, reader));
    }
    return columnFromScalars(c.type, out);
  },
};

export const csvReadingFunctions: Record<string, ScalarFunction> = { from_csv: fromCsv };

/**
 * `createDataFrame` for JS rows: infers a Spark schema from the values (or takes one), and encodes the rows as
 * an Arrow IPC stream for a LocalRelation. Inference follows PySpark's spirit with JS types: integral numbers are
 * `bigint` columns (Python ints become LongType), other numbers `double`, `bigint` values `bigint`, strings,
 * booleans, `Date` (timestamp), `Uint8Array` (binary), arrays and nested plain objects (structs). Object rows keep
 * their key order (like PySpark `Row(a=.., b=..)`, unlike Python dicts, which PySpark sorts).
 */
import {
  DataType as ArrowType,
  Field,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  vectorFromArray,
} from "apache-arrow";
import { Row } from "../arrow/index.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import {
  ArrayType,
  BinaryType,
  BooleanType,
  DoubleType,
  fromArrowSchema,
  LongType,
  NullType,
  parseSchema,
  type SparkDataType,
  StringType,
  StructField,
  StructType,
  TimestampType,
  toArrowSchema,
  toArrowType,
} from "../types/index.js";
import { withDistinctBuffers } from "./arrow-distinct-buffers.js";

/** A row: a plain object or result `Row` (fields are columns), or an array of values in column order. */
export type LocalRow = object;
export type LocalSchema = StructType | string | readonly string[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Result `Row`s (at any depth) as plain records, so collected rows can be fed back in. */
function rowsAsRecords(value: unknown): unknown {
  if (value instanceof Row)
    return Object.fromEntries(value.fieldNames.map((name, i) => [name, rowsAsRecords(value.values[i])]));
  if (Array.isArray(value)) return value.map(rowsAsRecords);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rowsAsRecords(v)]));
  return value;
}

/** The type of one non-null value, or undefined for null. */
function inferValue(value: unknown, where: string): SparkDataType | undefined {
  if (value === null || value === undefined) return undefined;
  switch (typeof value) {
    case "boolean":
      return BooleanType.instance;
    case "number":
      return Number.isInteger(value) ? LongType.instance : DoubleType.instance;
    case "bigint":
      return LongType.instance;
    case "string":
      return StringType.instance;
  }
  if (value instanceof Date) return TimestampType.instance;
  if (value instanceof Uint8Array) return BinaryType.instance;
  if (Array.isArray(value)) {
    const element = mergeAll(
      value.map((v, i) => inferValue(v, `${where}[${i}]`)),
      `${where} elements`,
    );
    // An empty (or all-null) array leaves its element type open until another row settles it.
    return new ArrayType(element ?? NullType.instance, true);
  }
  if (isPlainObject(value)) {
    return new StructType(
      Object.entries(value).map(([name, v]) => {
        const type = inferValue(v, `${where}.${name}`);
        if (type === undefined) throw cannotDetermine(`${where}.${name}`);
        return new StructField(name, type, true);
      }),
    );
  }
  throw new ClientArgumentError(`${where}: cannot infer a Spark type for a value of type ${describeType(value)}.`, {
    errorClass: "CANNOT_INFER_TYPE_FOR_FIELD",
  });
}

/** Whether a type still holds a null type that no value settled (e.g. only empty arrays were seen). */
function hasOpenType(type: SparkDataType): boolean {
  if (type.kind === "null") return true;
  if (type.kind === "array") return hasOpenType(type.elementType);
  if (type.kind === "struct") return type.fields.some((f) => hasOpenType(f.dataType));
  return false;
}

function cannotDetermine(where: string): ClientArgumentError {
  return new ClientArgumentError(`Cannot determine the type of ${where}: every value is null; pass a schema.`, {
    errorClass: "CANNOT_DETERMINE_TYPE",
  });
}

/** The common type of two inferred types: equal ones, or long with double (JS numbers) widened to double. */
function merge(a: SparkDataType | undefined, b: SparkDataType | undefined, where: string): SparkDataType | undefined {
  if (a === undefined || a.kind === "null") return b;
  if (b === undefined || b.kind === "null") return a;
  if (a.kind === b.kind && a.kind !== "array" && a.kind !== "struct") return a;
  const numeric = new Set([a.kind, b.kind]);
  if (numeric.has("long") && numeric.has("double") && numeric.size === 2) return DoubleType.instance;
  if (a instanceof ArrayType && b instanceof ArrayType) {
    return new ArrayType(merge(a.elementType, b.elementType, where) ?? a.elementType, true);
  }
  if (a instanceof StructType && b instanceof StructType && a.simpleString() === b.simpleString()) return a;
  throw new ClientArgumentError(`${where} mixes values of types ${a.simpleString()} and ${b.simpleString()}.`, {
    errorClass: "CANNOT_MERGE_TYPE",
  });
}

function mergeAll(types: ReadonlyArray<SparkDataType | undefined>, where: string): SparkDataType | undefined {
  return types.reduce<SparkDataType | undefined>((acc, t) => merge(acc, t, where), undefined);
}

/** Rows as arrays of values in schema order. */
function rowValues(rows: readonly LocalRow[], names: readonly string[]): unknown[][] {
  return rows.map((row, index) => {
    if (Array.isArray(row)) {
      if (row.length !== names.length) {
        throw new ClientArgumentError(
          `Row ${index} has ${row.length} values but the schema has ${names.length} columns.`,
          {
            errorClass: "AXIS_LENGTH_MISMATCH",
          },
        );
      }
      return [...row];
    }
    if (isPlainObject(row)) return names.map((name) => row[name] ?? null);
    throw new ClientArgumentError(`Row ${index} must be an object or an array, got ${describeType(row)}.`, {
      errorClass: "INVALID_ROW",
    });
  });
}

function columnNamesOf(rows: readonly LocalRow[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (Array.isArray(row)) return row.map((_, i) => `_${i + 1}`);
    if (!isPlainObject(row)) continue;
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  return names;
}

/** Converts a value to what apache-arrow's builders expect for the Spark type (longs as bigint). */
function toArrowValue(value: unknown, type: SparkDataType, where: string): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case "long":
      if (typeof value === "bigint") return value;
      if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
      break;
    case "double":
      if (typeof value === "number") return value;
      break;
    case "array":
      if (Array.isArray(value)) return value.map((v, i) => toArrowValue(v, type.elementType, `${where}[${i}]`));
      break;
    case "struct":
      if (isPlainObject(value)) {
        return Object.fromEntries(
          type.fields.map((f) => [f.name, toArrowValue(value[f.name], f.dataType, `${where}.${f.name}`)]),
        );
      }
      break;
    default:
      return value;
  }
  throw new ClientArgumentError(`${where}: ${describeType(value)} value does not fit type ${type.simpleString()}.`, {
    errorClass: "FIELD_DATA_TYPE_UNACCEPTABLE",
  });
}

export interface EncodedLocalData {
  readonly ipc: Uint8Array;
  readonly schema: StructType;
  /** The table the stream encodes (large tables are later cut into chunks from it). */
  readonly table: Table;
}

/** Infers (or applies) the schema and encodes the rows as one Arrow IPC stream. */
/**
 * An Arrow table as it is: its schema gives the Spark types. Dictionary-encoded columns (what `tableFromArrays`
 * makes of strings) are decoded first, since Spark reads only plain columns.
 */
export function encodeArrowTable(table: Table): EncodedLocalData {
  const plain = withDistinctBuffers(
    table.schema.fields.some((field) => ArrowType.isDictionary(field.type)) ? decodeDictionaries(table) : table,
  );
  return { ipc: tableToIPC(plain, "stream"), schema: fromArrowSchema(plain.schema), table: plain };
}

function decodeDictionaries(table: Table): Table {
  const fields = table.schema.fields.map((field) =>
    ArrowType.isDictionary(field.type)
      ? new Field(field.name, field.type.dictionary, field.nullable, field.metadata)
      : field,
  );
  const schema = new Schema(fields, table.schema.metadata);
  // Batch by batch, so every column keeps one data chunk per batch.
  const batches = table.batches.map((batch) => {
    const children = table.schema.fields.map((field, index) => {
      const column = batch.getChildAt(index);
      const data = column?.data[0];
      if (column === null || data === undefined) throw new Error(`Arrow batch column ${field.name} is missing`);
      if (!ArrowType.isDictionary(field.type)) return data;
      const decoded = vectorFromArray([...column], field.type.dictionary).data[0];
      if (decoded === undefined) throw new Error(`Arrow column ${field.name} did not decode`);
      return decoded;
    });
    return new RecordBatch(
      schema,
      makeData({ type: new Struct(fields), length: batch.numRows, nullCount: 0, children }),
    );
  });
  return new Table(schema, batches);
}

export function encodeLocalRows(data: readonly LocalRow[], schemaArg?: LocalSchema): EncodedLocalData {
  if (!Array.isArray(data)) throw new ClientArgumentError(`data must be an array of rows, got ${describeType(data)}.`);
  const rows = data.map(rowsAsRecords) as LocalRow[];
  let schema: StructType;
  if (schemaArg instanceof StructType) schema = schemaArg;
  else if (typeof schemaArg === "string") schema = parseSchema(schemaArg);
  else {
    const names = schemaArg === undefined ? columnNamesOf(rows) : [...schemaArg];
    if (rows.length === 0) {
      throw new ClientArgumentError("Cannot infer a schema from no rows; pass a StructType or DDL schema.", {
        errorClass: "CANNOT_INFER_EMPTY_SCHEMA",
      });
    }
    const values = rowValues(rows, names);
    schema = new StructType(
      names.map((name, c) => {
        const type = mergeAll(
          values.map((row, r) => inferValue(row[c], `row ${r} column ${name}`)),
          `column ${name}`,
        );
        if (type === undefined || hasOpenType(type)) throw cannotDetermine(`column ${name}`);
        return new StructField(name, type, true);
      }),
    );
  }
  const names = schema.fields.map((f) => f.name);
  const values = rowValues(rows, names);
  // The Arrow schema carries the Spark nullability: the server refuses nullable data for a non-null field.
  const arrowSchema = toArrowSchema(schema);
  const children = schema.fields.map((field, c) => {
    const data = values.map((row, r) => toArrowValue(row[c], field.dataType, `row ${r} column ${field.name}`));
    if (!field.nullable && data.some((v) => v === null)) {
      throw new ClientArgumentError(`Column ${field.name} is declared non-nullable but has null values.`, {
        errorClass: "FIELD_NOT_NULLABLE",
      });
    }
    // vectorFromArray builds one chunk, which is what a single record batch needs.
    const chunk = vectorFromArray(data, toArrowType(field.dataType)).data;
    if (chunk.length !== 1 || chunk[0] === undefined)
      throw new Error(`Column ${field.name} was built in ${chunk.length} chunks`);
    return chunk[0];
  });
  const struct = makeData({
    type: new Struct(arrowSchema.fields),
    length: rows.length,
    nullCount: 0,
    children,
  });
  const table = new Table(arrowSchema, [new RecordBatch(arrowSchema, struct)]);
  return { ipc: tableToIPC(table, "stream"), schema, table };
}

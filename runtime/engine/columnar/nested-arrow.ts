/**
 * Arrow List, Map and Struct columns at the engine's edges, laid out as Spark's Connect server writes them: a
 * list's child is `element` (nullable = containsNull), a map's child is a non-null `entries` struct of a
 * non-null `key` and a `value` (nullable = valueContainsNull), struct children keep the field names.
 */
import {
  type DataType as ArrowType,
  type Data,
  Field,
  List,
  Map_,
  makeData,
  makeVector,
  Struct,
  Type,
  type Vector,
} from "apache-arrow";
import * as T from "../types/data-types.js";
import { arrayParts, arrayType, mapParts, mapType, structFields } from "../types/nested-types.js";
import { type ColumnVector, columnFromScalars, getScalar, type MapValue, type Scalar } from "./column-vector.js";

type ArrowTypeOf = (type: T.DataType) => ArrowType;
type ToArrowData = (column: ColumnVector, arrowType: ArrowType) => Data;
type EngineTypeOf = (type: ArrowType) => T.DataType;
type DecodeVector = (vector: Vector, type: T.DataType) => ColumnVector;

/** The Arrow type of a nested engine type, or null for a flat one. */
export function nestedArrowType(type: T.DataType, arrowTypeOf: ArrowTypeOf): ArrowType | null {
  switch (type.kind.case) {
    case "array": {
      const { element, containsNull } = arrayParts(type);
      return new List(new Field("element", arrowTypeOf(element), containsNull));
    }
    case "map": {
      const { key, value, valueContainsNull } = mapParts(type);
      const entries = new Struct([
        new Field("key", arrowTypeOf(key), false),
        new Field("value", arrowTypeOf(value), valueContainsNull),
      ]);
      return new Map_(new Field("entries", entries, false), false);
    }
    case "struct":
      return new Struct(structFields(type).map((f) => new Field(f.name, arrowTypeOf(f.type), f.nullable)));
    default:
      return null;
  }
}

/** The engine type of an incoming nested Arrow type, or null for a flat one. */
export function nestedEngineType(type: ArrowType, engineTypeOf: EngineTypeOf): T.DataType | null {
  switch (type.typeId) {
    case Type.List: {
      const child = (type as List).children[0] as Field;
      return arrayType(engineTypeOf(child.type), child.nullable);
    }
    case Type.Map: {
      const [key, value] = (type as Map_).childType.children as [Field, Field];
      return mapType(engineTypeOf(key.type), engineTypeOf(value.type), value.nullable);
    }
    case Type.Struct: {
      const fields = (type as Struct).children.map((f) => ({
        name: f.name,
        type: engineTypeOf(f.type),
        nullable: f.nullable,
      }));
      return T.structType(fields);
    }
    default:
      return null;
  }
}

const rowsOf = (column: ColumnVector): Scalar[] => {
  const out = new Array<Scalar>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = getScalar(column, i);
  return out;
};

/** Arrow data for a nested column; `base` carries its length and validity. */
export function nestedArrowData(
  column: ColumnVector,
  arrowType: ArrowType,
  base: { length: number; nullCount: number; nullBitmap: Uint8Array | null },
  toArrowData: ToArrowData,
): Data {
  const values = column.data as unknown as ArrayLike<Scalar>;
  const valid = (i: number) => column.validity === null || column.validity[i] === 1;
  const length = column.length;
  switch (column.type.kind.case) {
    case "array": {
      const offsets = new Int32Array(length + 1);
      const flat: Scalar[] = [];
      for (let i = 0; i < length; i++) {
        if (valid(i)) for (const element of values[i] as readonly Scalar[]) flat.push(element);
        offsets[i + 1] = flat.length;
      }
      const childType = (arrowType as List).children[0]?.type as ArrowType;
      const child = toArrowData(columnFromScalars(arrayParts(column.type).element, flat), childType);
      return makeData({ ...base, type: arrowType as List, valueOffsets: offsets, child });
    }
    case "map": {
      const offsets = new Int32Array(length + 1);
      const keys: Scalar[] = [];
      const items: Scalar[] = [];
      for (let i = 0; i < length; i++) {
        if (valid(i)) {
          const map = values[i] as MapValue;
          keys.push(...map.keys);
          items.push(...map.values);
        }
        offsets[i + 1] = keys.length;
      }
      const { key, value } = mapParts(column.type);
      const entriesType = (arrowType as Map_).childType;
      const [keyField, valueField] = entriesType.children as [Field, Field];
      const entries = makeData({
        type: entriesType,
        length: keys.length,
        nullCount: 0,
        nullBitmap: null,
        children: [
          toArrowData(columnFromScalars(key, keys), keyField.type),
          toArrowData(columnFromScalars(value, items), valueField.type),
        ],
      });
      return makeData({ ...base, type: arrowType as Map_, valueOffsets: offsets, child: entries });
    }
    default: {
      const fields = structFields(column.type);
      const children = fields.map((field, f) => {
        const fieldValues = new Array<Scalar>(length);
        for (let i = 0; i < length; i++)
          fieldValues[i] = valid(i) ? ((values[i] as readonly Scalar[])[f] ?? null) : null;
        const fieldType = ((arrowType as Struct).children[f] as Field).type;
        return toArrowData(columnFromScalars(field.type, fieldValues), fieldType);
      });
      return makeData({ ...base, type: arrowType as Struct, children });
    }
  }
}

/** Decodes a nested Arrow column into JS values per row, through the flat decoder for the leaves. */
export function nestedValuesFromArrow(vector: Vector, type: T.DataType, decode: DecodeVector): Scalar[] {
  const out: Scalar[] = [];
  for (const data of vector.data) {
    const valid = (i: number) => data.nullCount === 0 || data.getValid(i);
    switch (type.kind.case) {
      case "array": {
        const offsets = data.valueOffsets as Int32Array;
        const child = rowsOf(decode(makeVector(data.children[0] as Data), arrayParts(type).element));
        for (let i = 0; i < data.length; i++) {
          const start = offsets[data.offset + i] as number;
          const end = offsets[data.offset + i + 1] as number;
          out.push(valid(i) ? child.slice(start, end) : null);
        }
        break;
      }
      case "map": {
        const offsets = data.valueOffsets as Int32Array;
        const entries = data.children[0] as Data;
        const { key, value } = mapParts(type);
        const keys = rowsOf(decode(makeVector(entries.children[0] as Data), key));
        const items = rowsOf(decode(makeVector(entries.children[1] as Data), value));
        for (let i = 0; i < data.length; i++) {
          const start = offsets[data.offset + i] as number;
          const end = offsets[data.offset + i + 1] as number;
          out.push(valid(i) ? { keys: keys.slice(start, end), values: items.slice(start, end) } : null);
        }
        break;
      }
      default: {
        const fields = structFields(type);
        const columns = fields.map((f, k) => rowsOf(decode(makeVector(data.children[k] as Data), f.type)));
        for (let i = 0; i < data.length; i++) {
          out.push(valid(i) ? columns.map((c) => c[i] ?? null) : null);
        }
      }
    }
  }
  return out;
}

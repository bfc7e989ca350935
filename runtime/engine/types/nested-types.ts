/**
 * Array, map and struct types: constructors and accessors over the proto `DataType`, so kernels never dig
 * through `kind.value` themselves.
 */
import { create } from "@bufbuild/protobuf";
import { DataTypeSchema } from "../../../generated/proto/spark/connect/types_pb.js";
import type { DataType, StructFieldSpec } from "./data-types.js";
import { NULL, sameType, structType } from "./data-types.js";

export function arrayType(elementType: DataType, containsNull: boolean): DataType {
  return create(DataTypeSchema, { kind: { case: "array", value: { elementType, containsNull } } });
}

export function mapType(keyType: DataType, valueType: DataType, valueContainsNull: boolean): DataType {
  return create(DataTypeSchema, { kind: { case: "map", value: { keyType, valueType, valueContainsNull } } });
}

export const isArray = (t: DataType): boolean => t.kind.case === "array";
export const isMap = (t: DataType): boolean => t.kind.case === "map";
export const isStruct = (t: DataType): boolean => t.kind.case === "struct";
export const isNested = (t: DataType): boolean => isArray(t) || isMap(t) || isStruct(t);

export function arrayParts(t: DataType): { element: DataType; containsNull: boolean } {
  if (t.kind.case !== "array") throw new TypeError("not an array type");
  return { element: t.kind.value.elementType ?? NULL, containsNull: t.kind.value.containsNull };
}

export function mapParts(t: DataType): { key: DataType; value: DataType; valueContainsNull: boolean } {
  if (t.kind.case !== "map") throw new TypeError("not a map type");
  return {
    key: t.kind.value.keyType ?? NULL,
    value: t.kind.value.valueType ?? NULL,
    valueContainsNull: t.kind.value.valueContainsNull,
  };
}

export function structFields(t: DataType): StructFieldSpec[] {
  if (t.kind.case !== "struct") throw new TypeError("not a struct type");
  return t.kind.value.fields.map((f) => ({ name: f.name, type: f.dataType ?? NULL, nullable: f.nullable }));
}

/**
 * The wider of two nested types of the same shape (Spark widens element, key, value and field types and ORs
 * the nullability flags; struct fields must match by name); null when they do not meet.
 */
export function widerNestedType(
  a: DataType,
  b: DataType,
  wider: (x: DataType, y: DataType) => DataType | null,
): DataType | null {
  if (a.kind.case === "array" && b.kind.case === "array") {
    const [x, y] = [arrayParts(a), arrayParts(b)];
    const element = wider(x.element, y.element);
    return element === null ? null : arrayType(element, x.containsNull || y.containsNull);
  }
  if (a.kind.case === "map" && b.kind.case === "map") {
    const [x, y] = [mapParts(a), mapParts(b)];
    const key = wider(x.key, y.key);
    const value = wider(x.value, y.value);
    if (key === null || value === null) return null;
    return mapType(key, value, x.valueContainsNull || y.valueContainsNull);
  }
  if (a.kind.case === "struct" && b.kind.case === "struct") {
    const [x, y] = [structFields(a), structFields(b)];
    if (x.length !== y.length) return null;
    const fields: StructFieldSpec[] = [];
    for (let i = 0; i < x.length; i++) {
      const [f, g] = [x[i] as StructFieldSpec, y[i] as StructFieldSpec];
      if (f.name.toLowerCase() !== g.name.toLowerCase()) return null;
      const type = wider(f.type, g.type);
      if (type === null) return null;
      fields.push({ name: f.name, type, nullable: f.nullable || g.nullable });
    }
    return structType(fields);
  }
  return null;
}

/**
 * Spark's `DataType.equalsStructurally` ignoring nullability: the same types, where struct fields are matched by
 * position whatever their names (IN compares row values such as `(a, b)` with `(1, 2)` so).
 */
export function equalsStructurally(a: DataType, b: DataType): boolean {
  if (a.kind.case === "array" && b.kind.case === "array") {
    return equalsStructurally(arrayParts(a).element, arrayParts(b).element);
  }
  if (a.kind.case === "map" && b.kind.case === "map") {
    const [x, y] = [mapParts(a), mapParts(b)];
    return equalsStructurally(x.key, y.key) && equalsStructurally(x.value, y.value);
  }
  if (a.kind.case === "struct" && b.kind.case === "struct") {
    const [x, y] = [structFields(a), structFields(b)];
    return x.length === y.length && x.every((f, i) => equalsStructurally(f.type, (y[i] as StructFieldSpec).type));
  }
  return sameType(a, b);
}

/**
 * Spark's nested types: arrays, maps and structs. Collated strings inside a struct field are written to JSON the
 * way Spark does it: the type says plain `string` and the field's `__COLLATIONS` metadata names the collation by
 * path (`tags.element`, `m.key`, `m.value`).
 */
import { DataType, type JsonValue } from "./data-type.js";
import type { SparkDataType } from "./spark-data-type.js";
import { formatTreeString } from "./tree-string.js";
import { invalidType } from "./type-errors.js";

export const COLLATIONS_METADATA_KEY = "__COLLATIONS";

export type FieldMetadata = Readonly<Record<string, JsonValue>>;

export class ArrayType extends DataType {
  readonly kind = "array" as const;
  constructor(
    readonly elementType: SparkDataType,
    readonly containsNull = true,
  ) {
    super();
  }
  typeName(): string {
    return "array";
  }
  simpleString(): string {
    return `array<${this.elementType.simpleString()}>`;
  }
  override sql(): string {
    return `ARRAY<${this.elementType.sql()}>`;
  }
  override jsonValue(): JsonValue {
    return { type: "array", elementType: this.elementType.jsonValue(), containsNull: this.containsNull };
  }
  override toString(): string {
    return `ArrayType(${this.elementType}, ${this.containsNull})`;
  }
}

export class MapType extends DataType {
  readonly kind = "map" as const;
  constructor(
    readonly keyType: SparkDataType,
    readonly valueType: SparkDataType,
    readonly valueContainsNull = true,
  ) {
    super();
  }
  typeName(): string {
    return "map";
  }
  simpleString(): string {
    return `map<${this.keyType.simpleString()},${this.valueType.simpleString()}>`;
  }
  override sql(): string {
    return `MAP<${this.keyType.sql()}, ${this.valueType.sql()}>`;
  }
  override jsonValue(): JsonValue {
    return {
      type: "map",
      keyType: this.keyType.jsonValue(),
      valueType: this.valueType.jsonValue(),
      valueContainsNull: this.valueContainsNull,
    };
  }
  override toString(): string {
    return `MapType(${this.keyType}, ${this.valueType}, ${this.valueContainsNull})`;
  }
}

export class StructField {
  constructor(
    readonly name: string,
    readonly dataType: SparkDataType,
    readonly nullable = true,
    readonly metadata: FieldMetadata = {},
  ) {
    if (typeof name !== "string")
      throw invalidType(`Struct field name must be a string, got ${typeof name}.`, "INVALID_FIELD_NAME");
  }
  simpleString(): string {
    return `${this.name}:${this.dataType.simpleString()}`;
  }
  jsonValue(): JsonValue {
    const collations: Record<string, JsonValue> = {};
    const type = jsonWithoutCollations(this.dataType, this.name, collations);
    const metadata: Record<string, JsonValue> = { ...this.metadata };
    if (Object.keys(collations).length > 0) metadata[COLLATIONS_METADATA_KEY] = collations;
    return { name: this.name, type, nullable: this.nullable, metadata };
  }
  toString(): string {
    return `StructField('${this.name}', ${this.dataType}, ${this.nullable})`;
  }
}

/** A type's JSON with collated strings spelled `string`, recording each collation under its field path. */
function jsonWithoutCollations(type: SparkDataType, path: string, out: Record<string, JsonValue>): JsonValue {
  switch (type.kind) {
    case "string":
      if (!type.isDefaultCollation) out[path] = type.qualifiedCollation;
      return "string";
    case "array":
      return {
        type: "array",
        elementType: jsonWithoutCollations(type.elementType, `${path}.element`, out),
        containsNull: type.containsNull,
      };
    case "map":
      return {
        type: "map",
        keyType: jsonWithoutCollations(type.keyType, `${path}.key`, out),
        valueType: jsonWithoutCollations(type.valueType, `${path}.value`, out),
        valueContainsNull: type.valueContainsNull,
      };
    default:
      return type.jsonValue();
  }
}

export class StructType extends DataType {
  readonly kind = "struct" as const;
  readonly fields: readonly StructField[];
  constructor(fields: readonly StructField[] = []) {
    super();
    this.fields = fields;
  }
  typeName(): string {
    return "struct";
  }
  simpleString(): string {
    return `struct<${this.fields.map((f) => f.simpleString()).join(",")}>`;
  }
  override sql(): string {
    return `STRUCT<${this.fields.map((f) => `${quoteIdentifier(f.name)}: ${f.dataType.sql()}${f.nullable ? "" : " NOT NULL"}`).join(", ")}>`;
  }
  override jsonValue(): JsonValue {
    return { type: "struct", fields: this.fields.map((f) => f.jsonValue()) };
  }
  fieldNames(): string[] {
    return this.fields.map((f) => f.name);
  }
  /** The first field with this name; Spark allows duplicates (e.g. after a join), so this picks the leftmost. */
  field(name: string): StructField | undefined {
    return this.fields.find((f) => f.name === name);
  }
  /** A new struct with one more field, like PySpark's `StructType.add`. */
  add(name: string, dataType: SparkDataType, nullable = true, metadata: FieldMetadata = {}): StructType {
    return new StructType([...this.fields, new StructField(name, dataType, nullable, metadata)]);
  }
  /** The schema as printSchema renders it; `level` limits how deep nested fields are shown. */
  treeString(level?: number): string {
    return formatTreeString(this, level);
  }
  override toString(): string {
    return `StructType([${this.fields.join(", ")}])`;
  }
}

function quoteIdentifier(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replaceAll("`", "``")}\``;
}

/**
 * The root of the Spark data type model. Every concrete type carries a `kind` discriminator so code can switch
 * exhaustively over `SparkDataType` (see spark-data-type.ts) instead of chaining `instanceof` checks.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export abstract class DataType {
  abstract readonly kind: string;

  /** The short type name Spark uses in JSON for atomic types and in `typeName()` (e.g. `integer`, `array`). */
  abstract typeName(): string;

  /** The SQL-flavoured name used in error messages and `struct<...>` strings (e.g. `int`, `array<int>`). */
  abstract simpleString(): string;

  /** The value Spark's JSON schema format holds for this type: a string for atomic types, an object otherwise. */
  jsonValue(): JsonValue {
    return this.typeName();
  }

  /** Spark's compact JSON schema text, byte-identical to what `DataType.json` produces in Spark. */
  json(): string {
    return JSON.stringify(sortKeys(this.jsonValue()));
  }

  /** The label printSchema shows for this type: `integer`, `decimal(10,2)`, `array`, ... */
  treeLabel(): string {
    const value = this.jsonValue();
    return typeof value === "string" ? value : this.typeName();
  }

  /** Structural equality (same JSON form). */
  equals(other: DataType): boolean {
    return this.json() === other.json();
  }

  /** The SQL DDL spelling, accepted back by `parseDataType`. */
  sql(): string {
    return this.simpleString().toUpperCase();
  }

  toString(): string {
    return `${this.constructor.name}()`;
  }
}

/** Spark writes JSON object keys in sorted order; doing the same makes `json()` comparable as text. */
export function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key] as JsonValue);
    return sorted;
  }
  return value;
}

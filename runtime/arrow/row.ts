/**
 * A result row, like PySpark's `Row`: values in column order with their names. Names may repeat (a join of two
 * tables with an `id` column gives two `id` fields), so the values are kept positionally and lookup by name
 * returns the first match. Rows made by `rowClassFor` also expose each field as a property (`row.age`).
 */
import { ClientArgumentError } from "../errors/index.js";

export class Row {
  /** Rows built through `rowClassFor` have one getter per column name. */
  readonly [field: string]: unknown;

  constructor(
    readonly fieldNames: readonly string[],
    readonly values: readonly unknown[],
  ) {
    if (fieldNames.length !== values.length) {
      throw new ClientArgumentError(`Row has ${values.length} values for ${fieldNames.length} field names.`);
    }
  }

  /** A row of named values, in the given order: `Row.of({ a: 1, b: "x" })`. */
  static of(fields: Readonly<Record<string, unknown>>): Row {
    return new Row(Object.keys(fields), Object.values(fields));
  }

  get length(): number {
    return this.values.length;
  }

  /** The value of the first field with this name, or at this position; unknown names and positions throw. */
  get(key: string | number): unknown {
    if (typeof key === "number") {
      if (!Number.isInteger(key) || key < 0 || key >= this.values.length) {
        throw new ClientArgumentError(`Row index ${key} is out of range for a row of ${this.values.length} fields.`);
      }
      return this.values[key];
    }
    const index = this.fieldNames.indexOf(key);
    if (index < 0)
      throw new ClientArgumentError(`Row has no field "${key}"; fields are ${JSON.stringify(this.fieldNames)}.`);
    return this.values[index];
  }

  /** Every value whose field has this name (more than one after joins). */
  getAll(name: string): unknown[] {
    return this.values.filter((_, i) => this.fieldNames[i] === name);
  }

  /** Name → value; a repeated name keeps its last value, as PySpark's `asDict` does. Nested rows too if asked. */
  asDict(recursive = false): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.fieldNames.forEach((name, i) => {
      result[name] = recursive ? toDictDeep(this.values[i]) : this.values[i];
    });
    return result;
  }

  /** JSON-safe object: see runtime/arrow/README.md for how each value type is written. */
  toJSON(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.fieldNames.forEach((name, i) => {
      result[name] = jsonSafe(this.values[i]);
    });
    return result;
  }

  [Symbol.iterator](): Iterator<unknown> {
    return this.values[Symbol.iterator]();
  }

  toString(): string {
    return `Row(${this.fieldNames.map((name, i) => `${name}=${describe(this.values[i])}`).join(", ")})`;
  }
}

function toDictDeep(value: unknown): unknown {
  if (value instanceof Row) return value.asDict(true);
  if (Array.isArray(value)) return value.map(toDictDeep);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [toDictDeep(k), toDictDeep(v)]));
  return value;
}

/** A value JSON.stringify can write without throwing or silently turning into `null` or `{}`. */
export function jsonSafe(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (value instanceof Row) return value.toJSON();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value instanceof Map) {
    const keys = [...value.keys()];
    if (keys.every((k) => typeof k === "string")) {
      return Object.fromEntries([...value].map(([k, v]) => [k, jsonSafe(v)]));
    }
    return [...value].map(([k, v]) => [jsonSafe(k), jsonSafe(v)]);
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Uint8Array) return `bytes(${Buffer.from(value).toString("hex")})`;
  if (Array.isArray(value)) return `[${value.map(describe).join(", ")}]`;
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${describe(k)}: ${describe(v)}`).join(", ")}}`;
  return String(value);
}

const RESERVED = new Set([...Object.getOwnPropertyNames(Row.prototype), "fieldNames", "values"]);

/**
 * A Row subclass with a property getter per field name, made once per schema so every row of a result shares
 * one prototype. Names that clash with Row's own members (`get`, `length`, ...) are reachable through `get()`.
 */
export function rowClassFor(fieldNames: readonly string[]): new (values: readonly unknown[]) => Row {
  const names = fieldNames;
  class SchemaRow extends Row {
    constructor(values: readonly unknown[]) {
      super(names, values);
    }
  }
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (RESERVED.has(name) || seen.has(name)) return;
    seen.add(name);
    Object.defineProperty(SchemaRow.prototype, name, {
      get(this: Row) {
        return this.values[index];
      },
      enumerable: false,
      configurable: false,
    });
  });
  return SchemaRow;
}

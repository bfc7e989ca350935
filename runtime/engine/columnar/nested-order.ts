/**
 * Ordering and equality of values of any type, nested ones included, as Spark orders them: arrays element by
 * element (NULL first, then the shorter one first), structs field by field. Values are in `getScalar` form.
 */
import type { DataType } from "../types/data-types.js";
import { arrayParts, structFields } from "../types/nested-types.js";
import type { MapValue, Scalar } from "./column-vector.js";
import { type Comparator, comparatorFor, equalsFor } from "./value-order.js";

const booleanOrder: Comparator = (a, b) => Number(a) - Number(b);

/** A comparator over non-null values, NULLs inside nested values ordered first. */
export function orderOf(type: DataType): Comparator {
  switch (type.kind.case) {
    case "boolean":
      return booleanOrder;
    case "array": {
      const element = withNulls(orderOf(arrayParts(type).element));
      return (a, b) => {
        const [x, y] = [a as readonly Scalar[], b as readonly Scalar[]];
        const n = Math.min(x.length, y.length);
        for (let i = 0; i < n; i++) {
          const order = element(x[i] ?? null, y[i] ?? null);
          if (order !== 0) return order;
        }
        return x.length - y.length;
      };
    }
    case "struct": {
      const fields = structFields(type).map((f) => withNulls(orderOf(f.type)));
      return (a, b) => {
        const [x, y] = [a as readonly Scalar[], b as readonly Scalar[]];
        for (let i = 0; i < fields.length; i++) {
          const order = (fields[i] as Comparator)(x[i] ?? null, y[i] ?? null);
          if (order !== 0) return order;
        }
        return 0;
      };
    }
    default:
      return comparatorFor(type);
  }
}

function withNulls(compare: Comparator): Comparator {
  return (a, b) => (a === null ? (b === null ? 0 : -1) : b === null ? 1 : compare(a, b));
}

/** Equality of non-null values as `=` sees it (NaN equals NaN, nested values compared deeply). */
export function equalityOf(type: DataType): (a: unknown, b: unknown) => boolean {
  switch (type.kind.case) {
    case "array":
    case "struct": {
      const order = orderOf(type);
      return (a, b) => order(a, b) === 0;
    }
    case "map": {
      return (a, b) => {
        const [x, y] = [a as MapValue, b as MapValue];
        return x.keys.length === y.keys.length && JSON.stringify(x, jsonSafe) === JSON.stringify(y, jsonSafe);
      };
    }
    default:
      return equalsFor(type);
  }
}

const jsonSafe = (_key: string, value: unknown): unknown =>
  typeof value === "bigint" ? `${value}n` : value instanceof Uint8Array ? [...value] : value;

/** A string key identifying a value for hashing (distinct, set operations); equal values give equal keys. */
export function keyOf(value: Scalar): string {
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : value === 0 ? "0" : `${value}`;
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "bigint"
      ? `${v}n`
      : typeof v === "number" && Number.isNaN(v)
        ? "NaN"
        : v instanceof Uint8Array
          ? `b${[...v]}`
          : v,
  );
}

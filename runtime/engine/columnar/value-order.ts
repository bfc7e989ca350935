/**
 * Spark's ordering of non-null values per type, shared by comparisons, sorting and min/max: NaN is larger than
 * any other double and equal to itself; strings and binaries order by their UTF-8 bytes.
 */
import type { DataType } from "../types/data-types.js";

export type Comparator = (a: unknown, b: unknown) => number;

const numeric: Comparator = (a, b) => {
  const x = a as number;
  const y = b as number;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  const xNaN = Number.isNaN(x);
  const yNaN = Number.isNaN(y);
  return xNaN === yNaN ? 0 : xNaN ? 1 : -1;
};

const plain: Comparator = (a, b) => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);

/** Code-point order equals UTF-8 byte order; UTF-16 order differs only above the BMP, so check for surrogates. */
const text: Comparator = (a, b) => {
  const x = a as string;
  const y = b as string;
  if (x === y) return 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(i);
    if (cx !== cy) {
      const px = x.codePointAt(i) as number;
      const py = y.codePointAt(i) as number;
      return px < py ? -1 : 1;
    }
  }
  return x.length < y.length ? -1 : 1;
};

const bytes: Comparator = (a, b) => {
  const x = a as Uint8Array;
  const y = b as Uint8Array;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number) ? -1 : 1;
  return x.length - y.length;
};

export function comparatorFor(type: DataType): Comparator {
  switch (type.kind.case) {
    case "float":
    case "double":
      return numeric;
    case "string":
      return text;
    case "binary":
      return bytes;
    default:
      return plain;
  }
}

/** Equality as Spark's `=` sees it (NaN = NaN is true). */
export function equalsFor(type: DataType): (a: unknown, b: unknown) => boolean {
  if (type.kind.case === "float" || type.kind.case === "double") {
    return (a, b) => a === b || (Number.isNaN(a as number) && Number.isNaN(b as number));
  }
  if (type.kind.case === "binary") return (a, b) => bytes(a, b) === 0;
  return (a, b) => a === b;
}

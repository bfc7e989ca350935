/**
 * Hashing array, struct and map values as Spark's hash expressions do: the running hash is threaded through
 * every element (arrays), field (structs) or key then value (maps) in order, NULLs leaving it unchanged. Leaves
 * (plain values in their nested form) are hashed by the caller's scalar hash, so Murmur3 and XXH64 share this.
 */
import { type ColumnVector, columnFromScalars, type MapValue, type Scalar } from "../columnar/column-vector.js";
import type { DataType } from "../types/data-types.js";
import { arrayParts, mapParts, structFields } from "../types/nested-types.js";

export type LeafHash<S> = (value: Scalar, type: DataType, seed: S) => S;

export function hashNested<S>(value: Scalar, type: DataType, seed: S, leaf: LeafHash<S>): S {
  if (value === null) return seed;
  switch (type.kind.case) {
    case "array": {
      const { element } = arrayParts(type);
      let h = seed;
      for (const item of value as readonly Scalar[]) h = hashNested(item, element, h, leaf);
      return h;
    }
    case "struct": {
      const fields = structFields(type);
      let h = seed;
      (value as readonly Scalar[]).forEach((field, i) => {
        const spec = fields[i];
        if (spec !== undefined) h = hashNested(field, spec.type, h, leaf);
      });
      return h;
    }
    case "map": {
      const { key, value: valueType } = mapParts(type);
      const map = value as MapValue;
      let h = seed;
      map.keys.forEach((k, i) => {
        h = hashNested(k, key, h, leaf);
        h = hashNested(map.values[i] ?? null, valueType, h, leaf);
      });
      return h;
    }
    default:
      return leaf(value, type, seed);
  }
}

export const isNestedKind = (type: DataType): boolean =>
  type.kind.case === "array" || type.kind.case === "struct" || type.kind.case === "map";

/** A leaf hash from a whole-column hash: the value as a one-row column (nested hashing is off the hot path). */
export function leafFromColumnHash<S>(hashColumn: (column: ColumnVector, hashes: S[]) => void): LeafHash<S> {
  return (value, type, seed) => {
    const hashes = [seed];
    hashColumn(columnFromScalars(type, [value]), hashes);
    return hashes[0] as S;
  };
}

/**
 * CAST between array, map and struct types of the same shape: the elements, keys, values or fields are cast
 * as one flat column each (so every element follows the scalar cast rules), then put back in place.
 */
import {
  type ColumnVector,
  columnFromScalars,
  getScalar,
  type MapValue,
  type Scalar,
} from "../columnar/column-vector.js";
import type { CastMode } from "../logical/expressions.js";
import type * as T from "../types/data-types.js";
import { arrayParts, mapParts, structFields } from "../types/nested-types.js";
import type { CastContext } from "./cast-kernel.js";

type CastFn = (input: ColumnVector, to: T.DataType, mode: CastMode, ctx: CastContext) => ColumnVector;

/** Casts flat values of one type to another through the column cast. */
function castValues(
  values: Scalar[],
  from: T.DataType,
  to: T.DataType,
  cast: CastFn,
  mode: CastMode,
  ctx: CastContext,
): Scalar[] {
  const column = cast(columnFromScalars(from, values), to, mode, ctx);
  const out = new Array<Scalar>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = getScalar(column, i);
  return out;
}

/** Whether Spark allows casting between two nested types (same shape, castable parts). */
export function canCastNested(
  from: T.DataType,
  to: T.DataType,
  canCast: (a: T.DataType, b: T.DataType) => boolean,
): boolean {
  if (from.kind.case === "array" && to.kind.case === "array") {
    return canCast(arrayParts(from).element, arrayParts(to).element);
  }
  if (from.kind.case === "map" && to.kind.case === "map") {
    const [a, b] = [mapParts(from), mapParts(to)];
    return canCast(a.key, b.key) && canCast(a.value, b.value);
  }
  if (from.kind.case === "struct" && to.kind.case === "struct") {
    const [a, b] = [structFields(from), structFields(to)];
    return a.length === b.length && a.every((f, i) => canCast(f.type, (b[i] as T.StructFieldSpec).type));
  }
  return false;
}

export function castNested(
  input: ColumnVector,
  to: T.DataType,
  mode: CastMode,
  ctx: CastContext,
  cast: CastFn,
): ColumnVector {
  const rows = new Array<Scalar>(input.length);
  for (let i = 0; i < input.length; i++) rows[i] = getScalar(input, i);
  const present = rows.filter((r) => r !== null);
  let rebuilt: Scalar[];
  if (input.type.kind.case === "array") {
    const flat = (present as (readonly Scalar[])[]).flat();
    const cast_ = castValues(flat, arrayParts(input.type).element, arrayParts(to).element, cast, mode, ctx);
    let at = 0;
    rebuilt = rows.map((r) => {
      if (r === null) return null;
      const n = (r as readonly Scalar[]).length;
      at += n;
      return cast_.slice(at - n, at);
    });
  } else if (input.type.kind.case === "map") {
    const maps = present as MapValue[];
    const [a, b] = [mapParts(input.type), mapParts(to)];
    const keys = castValues(
      maps.flatMap((m) => [...m.keys]),
      a.key,
      b.key,
      cast,
      mode,
      ctx,
    );
    const values = castValues(
      maps.flatMap((m) => [...m.values]),
      a.value,
      b.value,
      cast,
      mode,
      ctx,
    );
    let at = 0;
    rebuilt = rows.map((r) => {
      if (r === null) return null;
      const n = (r as MapValue).keys.length;
      at += n;
      return { keys: keys.slice(at - n, at), values: values.slice(at - n, at) };
    });
  } else {
    const [a, b] = [structFields(input.type), structFields(to)];
    const fields = a.map((f, k) =>
      castValues(
        rows.map((r) => (r === null ? null : ((r as readonly Scalar[])[k] ?? null))),
        f.type,
        (b[k] as T.StructFieldSpec).type,
        cast,
        mode,
        ctx,
      ),
    );
    rebuilt = rows.map((r, i) => (r === null ? null : fields.map((values) => values[i] ?? null)));
  }
  return columnFromScalars(to, rebuilt);
}

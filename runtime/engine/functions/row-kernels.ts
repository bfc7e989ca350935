/** A whole-column loop for null-intolerant functions of any arity: the caller reads its own typed inputs. */
import { allocateData, type ColumnVector } from "../columnar/column-vector.js";
import type { DataType } from "../types/data-types.js";
import { mergeValidity } from "./kernel-helpers.js";

/**
 * Calls `f(row)` for every row where all `inputs` are non-null; NULL elsewhere. `f` returning null makes that
 * row NULL too. The first input fixes the length.
 */
export function mapRows<O>(
  inputs: readonly ColumnVector[],
  type: DataType,
  f: (row: number) => O | null,
): ColumnVector {
  const length = inputs[0]?.length ?? 0;
  const data = allocateData(type, length);
  const out = data as unknown as O[];
  let validity = mergeValidity(inputs, length);
  for (let i = 0; i < length; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const value = f(i);
    if (value === null) {
      validity ??= new Uint8Array(length).fill(1);
      validity[i] = 0;
    } else {
      out[i] = value;
    }
  }
  return { type, length, data, validity };
}

/**
 * listagg / string_agg: the group's non-NULL strings (or byte strings) joined by the delimiter in the order the
 * rows arrive; a group with none gives NULL. The partial state is the list collected so far.
 */
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import type { AggregateSpec } from "../physical/physical-plan.js";
import { arrayType } from "../types/nested-types.js";
import type { Accumulator } from "./accumulator.js";

function joinBytes(parts: readonly Uint8Array[], delimiter: Uint8Array): Uint8Array {
  const size = parts.reduce((n, p) => n + p.length, 0) + delimiter.length * Math.max(0, parts.length - 1);
  const out = new Uint8Array(size);
  let at = 0;
  parts.forEach((part, k) => {
    if (k > 0) {
      out.set(delimiter, at);
      at += delimiter.length;
    }
    out.set(part, at);
    at += part.length;
  });
  return out;
}

export class ListAggAccumulator implements Accumulator {
  private readonly lists: Scalar[][] = [];
  private readonly delimiter: Scalar;

  constructor(private readonly spec: AggregateSpec) {
    const delimiter = spec.args[1];
    this.delimiter = delimiter?.kind === "literal" ? (delimiter.value as Scalar) : null;
  }

  private listOf(group: number): Scalar[] {
    this.lists[group] ??= [];
    return this.lists[group];
  }

  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    for (let i = 0; i < groups.length; i++) {
      const list = this.listOf(groups[i] as number);
      const value = getScalar(column, i);
      if (value !== null) list.push(value);
    }
  }

  merge(groups: Int32Array, [state]: readonly ColumnVector[]): void {
    for (let i = 0; i < groups.length; i++) {
      const list = this.listOf(groups[i] as number);
      list.push(...((getScalar(state as ColumnVector, i) ?? []) as Scalar[]));
    }
  }

  states(n: number): ColumnVector[] {
    const type = arrayType(this.spec.resultType, false);
    return [
      columnFromScalars(
        type,
        Array.from({ length: n }, (_, g) => this.listOf(g)),
      ),
    ];
  }

  result(n: number): ColumnVector {
    const binary = this.spec.resultType.kind.case === "binary";
    const out: Scalar[] = [];
    for (let g = 0; g < n; g++) {
      const list = this.listOf(g);
      if (list.length === 0) out.push(null);
      else if (binary) {
        const delimiter = this.delimiter instanceof Uint8Array ? this.delimiter : new Uint8Array(0);
        out.push(joinBytes(list as Uint8Array[], delimiter));
      } else out.push((list as string[]).join(typeof this.delimiter === "string" ? this.delimiter : ""));
    }
    return columnFromScalars(this.spec.resultType, out);
  }
}

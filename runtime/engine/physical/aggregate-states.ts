/** The intermediate (partial) state columns each aggregate function ships across the shuffle. */
import * as T from "../types/data-types.js";
import type { AggregateSpec } from "./physical-plan.js";

export function stateTypes(spec: Pick<AggregateSpec, "name" | "inputType" | "resultType">): T.DataType[] {
  switch (spec.name) {
    case "count":
      return [T.LONG];
    case "sum":
      return [spec.resultType];
    case "avg":
      return [T.DOUBLE, T.LONG];
    case "min":
    case "max":
      return [spec.inputType];
    case "first":
    case "last":
      return [spec.inputType, T.BOOLEAN];
  }
}

/** The intermediate (partial) state columns each aggregate function ships across the shuffle. */
import * as T from "../types/data-types.js";
import type { AggregateSpec } from "./physical-plan.js";

export function stateTypes(spec: Pick<AggregateSpec, "name" | "inputType" | "resultType">): T.DataType[] {
  switch (spec.name) {
    case "count":
    case "count_if":
      return [T.LONG];
    case "var_samp":
    case "var_pop":
    case "stddev_samp":
    case "stddev_pop":
      return [T.DOUBLE, T.DOUBLE, T.DOUBLE];
    case "sum":
      return [spec.resultType];
    case "avg":
      if (spec.inputType.kind.case === "decimal") {
        const { precision, scale } = T.decimalParts(spec.inputType);
        return [T.decimalType(Math.min(38, precision + 10), scale), T.LONG];
      }
      return [T.DOUBLE, T.LONG];
    case "min":
    case "max":
      return [spec.inputType];
    case "first":
    case "last":
      return [spec.inputType, T.BOOLEAN];
    case "collect_list":
    case "collect_set":
      return [spec.resultType];
  }
}

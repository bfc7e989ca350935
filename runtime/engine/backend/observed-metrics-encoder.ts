/**
 * Observed metrics (df.observe) as Spark reports them: after the result batches, one ExecutePlan response whose
 * `observedMetrics` hold each observation's name, metric names (keys) and values as literals.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import type { ExecutePlanResponseSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import {
  type Expression_Literal,
  Expression_LiteralSchema,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Scalar } from "../columnar/column-vector.js";
import { notSupportedLocally } from "../errors.js";
import { formatDecimal } from "../functions/cast-kernel.js";
import type * as T from "../types/data-types.js";

/** The computed metrics of one observation. */
export interface ObservedMetricsResult {
  readonly name: string;
  readonly planId: bigint;
  readonly keys: readonly string[];
  readonly types: readonly T.DataType[];
  readonly values: readonly Scalar[];
}

type ResponseBody = Pick<MessageInitShape<typeof ExecutePlanResponseSchema>, "observedMetrics">;

export function observedMetricsResponse(results: readonly ObservedMetricsResult[]): ResponseBody {
  return {
    observedMetrics: results.map((r) => ({
      name: r.name,
      planId: r.planId,
      keys: [...r.keys],
      values: r.values.map((value, i) => literalOf(value, r.types[i] as T.DataType)),
    })),
  };
}

/** A metric value as a Connect literal of its type. */
function literalOf(value: Scalar, type: T.DataType): Expression_Literal {
  type LiteralType = NonNullable<MessageInitShape<typeof Expression_LiteralSchema>["literalType"]>;
  const make = (literalType: LiteralType) => create(Expression_LiteralSchema, { literalType });
  if (value === null) return make({ case: "null", value: type });
  switch (type.kind.case) {
    case "boolean":
      return make({ case: "boolean", value: value as boolean });
    case "byte":
    case "short":
    case "integer":
    case "float":
    case "double":
    case "date":
      return make({ case: type.kind.case, value: value as number });
    case "long":
    case "timestamp":
    case "timestampNtz":
      return make({ case: type.kind.case, value: value as bigint });
    case "string":
      return make({ case: "string", value: value as string });
    case "binary":
      return make({ case: "binary", value: value as Uint8Array });
    case "decimal": {
      const { precision, scale = 0 } = type.kind.value;
      return make({ case: "decimal", value: { value: formatDecimal(value as bigint, scale), precision, scale } });
    }
    default:
      throw notSupportedLocally(`observed metrics of type ${type.kind.case}`);
  }
}

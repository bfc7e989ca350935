/**
 * A query result as Spark's ExecutePlan responses: the schema first, then one Arrow IPC batch per non-empty
 * partition with its row count and start offset (always at least one batch, even for an empty result), then the
 * metrics of any df.observe nodes.
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { ExecutePlanResponseSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import { batchToArrowIpc } from "../columnar/arrow-io.js";
import { concatBatches, emptyBatch } from "../columnar/column-vector.js";
import type { AttributeRef } from "../logical/expressions.js";
import type { QueryResult } from "../query-engine.js";
import * as T from "../types/data-types.js";
import { observedMetricsResponse } from "./observed-metrics-encoder.js";

type ResponseBody = Pick<
  MessageInitShape<typeof ExecutePlanResponseSchema>,
  "responseType" | "schema" | "observedMetrics"
>;

export function schemaOf(output: readonly AttributeRef[]): T.DataType {
  return T.structType(output.map((a) => ({ name: a.name, type: a.type, nullable: a.nullable, metadata: a.metadata })));
}

export function resultResponses(result: QueryResult, timeZone: string): ResponseBody[] {
  const fields = result.output.map((a) => ({ name: a.name, type: a.type, nullable: a.nullable }));
  const types = fields.map((f) => f.type);
  const responses: ResponseBody[] = [{ schema: schemaOf(result.output) }];
  let offset = 0n;
  for (const partition of result.partitions) {
    const batch = concatBatches(types, partition);
    if (batch.numRows === 0) continue;
    responses.push({
      responseType: {
        case: "arrowBatch",
        value: { rowCount: BigInt(batch.numRows), data: batchToArrowIpc(batch, fields, timeZone), startOffset: offset },
      },
    });
    offset += BigInt(batch.numRows);
  }
  if (responses.length === 1) {
    responses.push({
      responseType: {
        case: "arrowBatch",
        value: { rowCount: 0n, data: batchToArrowIpc(emptyBatch(types), fields, timeZone), startOffset: 0n },
      },
    });
  }
  if (result.observedMetrics !== undefined) responses.push(observedMetricsResponse(result.observedMetrics));
  return responses;
}

/**
 * The ShowString relation (`df.show()`): run the input for numRows + 1 rows, then lay the rows out with the
 * shared `show()` formatter (runtime/format), answering one `show_string` row exactly as Spark does.
 */
import { tableFromIPC } from "apache-arrow";
import type { ShowString } from "../../../generated/proto/spark/connect/relations_pb.js";
import { tableToRows } from "../../arrow/index.js";
import { AnalysisException } from "../../errors/index.js";
import { showString } from "../../format/index.js";
import { StructType } from "../../types/index.js";
import { batchToArrowIpc } from "../columnar/arrow-io.js";
import { concatBatches } from "../columnar/column-vector.js";
import type { AttributeRef } from "../logical/expressions.js";
import type { QueryEngine, QueryResult } from "../query-engine.js";
import type { JobProgressListener } from "../scheduler/job-progress.js";
import * as T from "../types/data-types.js";
import { dataTypeFromProto } from "../types/type-model.js";
import { schemaOf } from "./result-encoder.js";

/** The one column a ShowString relation answers with. */
export const showStringOutput: readonly AttributeRef[] = [
  { kind: "attr", exprId: 0, name: "show_string", type: T.STRING, nullable: false, qualifier: [] },
];

export async function showStringResult(
  show: ShowString,
  engine: QueryEngine,
  signal?: AbortSignal,
  onProgress?: JobProgressListener,
): Promise<QueryResult> {
  if (show.input === undefined) throw new AnalysisException("show() needs an input relation.");
  const limited = { relType: { case: "limit" as const, value: { input: show.input, limit: show.numRows + 1 } } };
  const result = await engine.execute(limited as never, signal, onProgress);
  const fields = result.output.map((a) => ({ name: a.name, type: a.type, nullable: a.nullable }));
  const batch = concatBatches(
    fields.map((f) => f.type),
    result.partitions.flat(),
  );
  const timeZone = engine.conf.timeZone;
  const schema = dataTypeFromProto(schemaOf(result.output));
  if (!(schema instanceof StructType)) throw new Error("internal: a result schema is always a struct");
  const rows = tableToRows(tableFromIPC(batchToArrowIpc(batch, fields, timeZone)), schema);
  const text = showString(rows, schema, {
    numRows: show.numRows,
    truncate: show.truncate,
    vertical: show.vertical,
    timeZone,
  });
  return {
    output: showStringOutput,
    partitions: [[{ columns: [{ type: T.STRING, length: 1, data: [text], validity: null }], numRows: 1 }]],
  };
}

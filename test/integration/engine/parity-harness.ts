/**
 * Runs one Plan on the embedded engine and on the real Spark 4.1.1 server and reduces both answers to
 * comparable data: schema (name, Spark type, nullability) and rows (values normalised, so bigints, dates and
 * NaN compare exactly). Failures are reduced to class, error class and SQL state.
 */
import { tableFromIPC } from "apache-arrow";
import type { ExecutePlanResponse, Plan } from "../../../generated/proto/spark/connect/base_pb.js";
import type { DataType } from "../../../generated/proto/spark/connect/types_pb.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { simpleString } from "../../../runtime/engine/types/data-types.js";
import { SparkConnectError } from "../../../runtime/errors/index.js";
import { TestSparkClient } from "./spark-connect-client.js";

export interface Answer {
  readonly schema: string[];
  readonly rows: unknown[][];
  readonly batches: number;
}

export interface Failure {
  readonly failure: {
    readonly kind: string;
    readonly errorClass: string | undefined;
    readonly sqlState: string | undefined;
  };
}

function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return `${value}L`;
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : Object.is(value, -0) ? 0 : value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `0x${Buffer.from(value).toString("hex")}`;
  return value;
}

/** `complete`: the stream must end with result_complete (Spark sends it only to reattachable executions). */
export function decode(responses: readonly ExecutePlanResponse[], complete = false): Answer {
  let schemaType: DataType | undefined;
  const rows: unknown[][] = [];
  let batches = 0;
  let expectedOffset = 0n;
  for (const response of responses) {
    if (response.schema) schemaType = response.schema;
    if (response.responseType.case !== "arrowBatch") continue;
    const batch = response.responseType.value;
    if (batch.startOffset !== undefined && batch.startOffset !== expectedOffset)
      throw new Error(`start_offset ${batch.startOffset} != ${expectedOffset}`);
    const table = tableFromIPC(batch.data);
    if (BigInt(table.numRows) !== batch.rowCount) throw new Error(`row_count ${batch.rowCount} != ${table.numRows}`);
    expectedOffset += batch.rowCount;
    batches++;
    for (let r = 0; r < table.numRows; r++) {
      rows.push(table.schema.fields.map((_, c) => normalize(table.getChildAt(c)?.get(r))));
    }
  }
  if (complete && responses.at(-1)?.responseType.case !== "resultComplete")
    throw new Error("the stream did not end with result_complete");
  const fields = schemaType?.kind.case === "struct" ? schemaType.kind.value.fields : [];
  const schema = fields.map(
    (f) => `${f.name}: ${f.dataType ? simpleString(f.dataType) : "?"}${f.nullable ? "" : " NOT NULL"}`,
  );
  return { schema, rows, batches };
}

function failureOf(error: unknown): Failure {
  if (!(error instanceof SparkConnectError)) throw error;
  return { failure: { kind: error.constructor.name, errorClass: error.errorClass, sqlState: error.sqlState } };
}

async function collectLocal(backend: LocalBackend, query: Plan): Promise<ExecutePlanResponse[]> {
  const out: ExecutePlanResponse[] = [];
  for await (const r of backend.execute(query)) out.push(r);
  return out;
}

const sortRows = (rows: unknown[][]): unknown[][] =>
  [...rows].sort((a, b) => {
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });

export class Parity {
  readonly spark: TestSparkClient;
  readonly local: LocalBackend;

  constructor(remote: string, master = "local[3]") {
    this.spark = new TestSparkClient(remote);
    this.local = new LocalBackend({ master });
  }

  /** Both answers; rows sorted unless the query's order is part of its meaning. */
  async run(query: Plan, ordered = false): Promise<{ local: Answer | Failure; spark: Answer | Failure }> {
    const [local, spark] = await Promise.all([
      collectLocal(this.local, query).then((r) => decode(r, true), failureOf),
      this.spark.execute(query).then((r) => decode(r), failureOf),
    ]);
    const shape = (a: Answer | Failure) =>
      "rows" in a ? { schema: a.schema, rows: ordered ? a.rows : sortRows(a.rows) } : a;
    return { local: shape(local) as Answer | Failure, spark: shape(spark) as Answer | Failure };
  }

  close(): void {
    this.spark.close();
    this.local.close();
  }
}

/**
 * Consumes the `ExecutePlanResponse` stream of one operation: yields Arrow record batches as they arrive (so a
 * result larger than memory can be processed batch by batch) and collects everything else the server reports
 * along the way — schema, metrics, observed metrics, the SQL command result and execution progress.
 */
import * as arrow from "apache-arrow";
import type {
  ExecutePlanResponse,
  ExecutePlanResponse_ExecutionProgress,
  ExecutePlanResponse_Metrics,
  ExecutePlanResponse_ObservedMetrics,
  ExecutePlanResponse_SqlCommandResult,
} from "../../generated/proto/spark/connect/base_pb.js";
import { dataTypeFromProto, fromArrowSchema, StructType, toArrowSchema } from "../types/index.js";
import { BatchAssembler, ResultIntegrityError } from "./batch-assembler.js";
import { decodeBatchRows } from "./column-decoder.js";
import type { Row } from "./row.js";

export interface ResultStreamOptions {
  /** Called for every execution-progress report (stages, tasks done, bytes read). */
  readonly onProgress?: (progress: ExecutePlanResponse_ExecutionProgress) => void;
}

export class ResultStream implements AsyncIterable<arrow.RecordBatch> {
  private consumed = false;
  private readonly assembler = new BatchAssembler();
  private sparkSchema: StructType | undefined;
  private firstArrowSchema: arrow.Schema | undefined;

  operationId: string | undefined;
  metrics: ExecutePlanResponse_Metrics | undefined;
  readonly observedMetrics: ExecutePlanResponse_ObservedMetrics[] = [];
  sqlCommandResult: ExecutePlanResponse_SqlCommandResult | undefined;
  /** Whether the server said `result_complete` (the remote backend only ends a stream after it). */
  complete = false;
  /** Responses of kinds this class does not interpret (command results such as streaming query starts). */
  readonly otherResponses: ExecutePlanResponse[] = [];

  constructor(
    private readonly responses: AsyncIterable<ExecutePlanResponse>,
    private readonly options: ResultStreamOptions = {},
  ) {}

  /** The Spark schema: from the server's `schema` response when sent, else read from the first Arrow batch. */
  get schema(): StructType | undefined {
    if (this.sparkSchema) return this.sparkSchema;
    return this.firstArrowSchema ? fromArrowSchema(this.firstArrowSchema) : undefined;
  }

  get rowCount(): bigint {
    return this.assembler.rowsReceived;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<arrow.RecordBatch> {
    if (this.consumed) throw new ResultIntegrityError("This result stream was already consumed; run the query again.");
    this.consumed = true;
    for await (const response of this.responses) {
      this.operationId ??= response.operationId;
      if (response.schema) this.sparkSchema = asStruct(dataTypeFromProto(response.schema));
      if (response.metrics) this.metrics = response.metrics;
      this.observedMetrics.push(...response.observedMetrics);
      const body = response.responseType;
      switch (body.case) {
        case "arrowBatch":
          for (const batch of this.assembler.accept(body.value)) {
            this.firstArrowSchema ??= batch.schema;
            yield batch;
          }
          break;
        case "sqlCommandResult":
          this.sqlCommandResult = body.value;
          break;
        case "executionProgress":
          this.options.onProgress?.(body.value);
          break;
        case "resultComplete":
          this.complete = true;
          break;
        case undefined:
          break;
        default:
          this.otherResponses.push(response);
      }
    }
    this.assembler.finish();
  }

  /** Rows as they arrive, decoded batch by batch. */
  async *rows(): AsyncIterable<Row> {
    for await (const batch of this) {
      yield* decodeBatchRows(batch, this.rowSchema(batch));
    }
  }

  /** Every row in memory. */
  async collect(): Promise<Row[]> {
    const rows: Row[] = [];
    for await (const row of this.rows()) rows.push(row);
    return rows;
  }

  /** The whole result as one Arrow table (an empty result still carries its schema when the server sent one). */
  async toArrow(): Promise<arrow.Table> {
    const batches: arrow.RecordBatch[] = [];
    for await (const batch of this) batches.push(batch);
    if (batches.length > 0) return new arrow.Table(batches);
    const schema = this.sparkSchema ? toArrowSchema(this.sparkSchema) : new arrow.Schema([]);
    return new arrow.Table(schema);
  }

  /** The server's Spark schema (it knows collations, char/varchar, interval fields), else the Arrow schema's. */
  private rowSchema(batch: arrow.RecordBatch): StructType {
    const schema = this.sparkSchema;
    if (schema === undefined) return fromArrowSchema(batch.schema);
    if (schema.fields.length !== batch.schema.fields.length) {
      throw new ResultIntegrityError(
        `The server's schema has ${schema.fields.length} columns but its Arrow batch has ${batch.schema.fields.length}.`,
      );
    }
    return schema;
  }
}

function asStruct(type: ReturnType<typeof dataTypeFromProto>): StructType {
  if (type instanceof StructType) return type;
  throw new ResultIntegrityError(`The result schema should be a struct but is ${type.simpleString()}.`);
}

/** Convenience: `await collectRows(backend.execute(plan))`. */
export function collectRows(responses: AsyncIterable<ExecutePlanResponse>): Promise<Row[]> {
  return new ResultStream(responses).collect();
}

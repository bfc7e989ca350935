/**
 * Results of `checkpoint()` / `localCheckpoint()`: materialised once and read back by id (a
 * cachedRemoteRelation), so later queries see the same rows with the lineage cut, as in Spark.
 */
import { randomUUID } from "node:crypto";
import type { Batch } from "../columnar/column-vector.js";
import type { DataType } from "../types/data-types.js";

export interface CheckpointedResult {
  readonly fields: readonly { readonly name: string; readonly type: DataType; readonly nullable: boolean }[];
  /** Result batches per partition, kept as partitions so a read back keeps the partitioning. */
  readonly partitions: readonly Batch[];
}

export class CheckpointedRelations {
  private readonly results = new Map<string, CheckpointedResult>();

  add(result: CheckpointedResult): string {
    const id = randomUUID();
    this.results.set(id, result);
    return id;
  }

  get(id: string): CheckpointedResult | undefined {
    return this.results.get(id);
  }

  remove(id: string): void {
    this.results.delete(id);
  }
}

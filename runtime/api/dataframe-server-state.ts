/**
 * What a DataFrame leaves on the server beyond one query: checkpoints (the result materialised and the plan
 * truncated, handed back as a server-side relation), global temporary views, and whether it is cached.
 * DataFrame builds on this class.
 */
import type { Backend } from "../backend.js";
import { commandPlan } from "../plan/plans.js";
import { type ActionOptions, requireBoolean } from "./action-options.js";
import { wrongType } from "./argument-checks.js";
import type { DataFrame } from "./dataframe.js";
import { DataFrameSubqueries } from "./dataframe-subqueries.js";
import { runCommand } from "./execution.js";
import { StorageLevel } from "./storage-level.js";

/** Tells the server to drop a checkpointed relation; a closed session has dropped it already. */
const releaseWhenUnreachable = new FinalizationRegistry<{ backend: Backend; relationId: string }>(
  ({ backend, relationId }) => {
    const plan = commandPlan({
      commandType: { case: "removeCachedRemoteRelationCommand", value: { relation: { relationId } } },
    });
    runCommand(backend, plan).catch(() => undefined);
  },
);

export abstract class DataFrameServerState extends DataFrameSubqueries {
  /**
   * Materialises this DataFrame in the session's checkpoint directory (`spark.checkpoint.dir`) and returns a
   * DataFrame reading it back, its lineage cut. With `eager` false the data is written on first use.
   */
  async checkpoint(eager = true, options?: ActionOptions): Promise<DataFrame> {
    return this.runCheckpoint(false, requireBoolean(eager, "eager"), undefined, options);
  }

  /**
   * Like `checkpoint`, but kept in the executors' storage (at `storageLevel`, by default Spark's choice):
   * faster, and lost if an executor goes.
   */
  async localCheckpoint(eager = true, storageLevel?: StorageLevel, options?: ActionOptions): Promise<DataFrame> {
    if (storageLevel !== undefined && storageLevel !== null && !(storageLevel instanceof StorageLevel)) {
      throw wrongType("NOT_STORAGE_LEVEL", "storageLevel", storageLevel, "a StorageLevel");
    }
    return this.runCheckpoint(true, requireBoolean(eager, "eager"), storageLevel ?? undefined, options);
  }

  private async runCheckpoint(
    local: boolean,
    eager: boolean,
    storageLevel: StorageLevel | undefined,
    options: ActionOptions | undefined,
  ): Promise<DataFrame> {
    const value =
      storageLevel === undefined
        ? { relation: this.relation, local, eager }
        : { relation: this.relation, local, eager, storageLevel: storageLevel.toProto() };
    const stream = await runCommand(
      this.sparkSession.backend,
      commandPlan({ commandType: { case: "checkpointCommand", value } }),
      options,
    );
    this.recordExecution(stream);
    for (const response of stream.otherResponses) {
      const body = response.responseType;
      if (body.case === "checkpointCommandResult" && body.value.relation !== undefined) {
        const relationId = body.value.relation.relationId;
        const relation = this.sparkSession.plans.cachedRemoteRelation(relationId);
        // Every plan built on the checkpoint embeds this very node, so once it is unreachable no DataFrame can
        // read the checkpoint any more and the server may drop it (PySpark does the same when its plan dies).
        releaseWhenUnreachable.register(relation, { backend: this.sparkSession.backend, relationId });
        return this.withSameSchema(relation);
      }
    }
    throw new Error("The server answered a checkpoint without the checkpointed relation");
  }

  /** Registers this DataFrame as a view of every session (`global_temp.<name>`); fails when the name is taken. */
  async createGlobalTempView(name: string, options?: ActionOptions): Promise<void> {
    await this.createGlobalView(name, false, options);
  }

  /** Registers or replaces the global temporary view `global_temp.<name>`. */
  async createOrReplaceGlobalTempView(name: string, options?: ActionOptions): Promise<void> {
    await this.createGlobalView(name, true, options);
  }

  /** The pre-2.0 name of `createOrReplaceTempView`. */
  async registerTempTable(name: string, options?: ActionOptions): Promise<void> {
    await this.createOrReplaceTempView(name, options);
  }

  /** Whether this DataFrame is cached (its storage level is not NONE), as PySpark's Connect client asks. */
  get is_cached(): Promise<boolean> {
    return this.storageLevel.then((level) => !level.equals(StorageLevel.NONE));
  }
}

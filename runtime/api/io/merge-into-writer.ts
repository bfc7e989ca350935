/**
 * `df.mergeInto(table, condition)`: a MERGE INTO of this DataFrame (the source) into a table, sent as a
 * `MergeIntoTableCommand`. Clauses are added with `whenMatched`, `whenNotMatched` and `whenNotMatchedBySource`
 * (see merge-actions.ts) and run in the order given; `merge()` sends the command. Spark runs MERGE only on tables
 * whose catalog supports row-level operations (V2 tables such as Delta or Iceberg).
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { MergeIntoWriterApi } from "../../../generated/api/merge-into-writer.js";
import type { MergeIntoTableCommandSchema } from "../../../generated/proto/spark/connect/commands_pb.js";
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { commandPlan } from "../../plan/plans.js";
import { type Column, requireColumn, requireString } from "../column.js";
import type { DataFrame } from "../dataframe.js";
import { runCommand } from "../execution.js";
import {
  type MergeActionSink,
  type MergeClause,
  WhenMatched,
  WhenNotMatched,
  WhenNotMatchedBySource,
} from "./merge-actions.js";

interface MergeState {
  readonly schemaEvolution: boolean;
  readonly actions: Readonly<Record<MergeClause, readonly Expression[]>>;
}

/** The writer behind `df.mergeInto(table, condition)`. */
export function createMergeIntoWriter(df: DataFrame, table: string, condition: Column): MergeIntoWriter {
  requireString(table, "table");
  requireColumn(condition, "condition");
  return new MergeIntoWriter(df, table, condition.expr, {
    schemaEvolution: false,
    actions: { matched: [], notMatched: [], notMatchedBySource: [] },
  });
}

export class MergeIntoWriter implements MergeIntoWriterApi, MergeActionSink<MergeIntoWriter> {
  constructor(
    private readonly source: DataFrame,
    private readonly targetTable: string,
    private readonly condition: Expression,
    private readonly state: MergeState,
  ) {}

  /** This writer with one more action in `clause` (used by the clause builders). */
  withAction(clause: MergeClause, action: Expression): MergeIntoWriter {
    const actions = { ...this.state.actions, [clause]: [...this.state.actions[clause], action] };
    return new MergeIntoWriter(this.source, this.targetTable, this.condition, { ...this.state, actions });
  }

  whenMatched(condition?: Column): WhenMatched<MergeIntoWriter> {
    return new WhenMatched(this, optionalCondition(condition));
  }

  whenNotMatched(condition?: Column): WhenNotMatched<MergeIntoWriter> {
    return new WhenNotMatched(this, optionalCondition(condition));
  }

  whenNotMatchedBySource(condition?: Column): WhenNotMatchedBySource<MergeIntoWriter> {
    return new WhenNotMatchedBySource(this, optionalCondition(condition));
  }

  /** Lets the merge add source columns the target lacks. */
  withSchemaEvolution(): MergeIntoWriter {
    return new MergeIntoWriter(this.source, this.targetTable, this.condition, { ...this.state, schemaEvolution: true });
  }

  /** The command `merge()` sends. */
  command(): MessageInitShape<typeof MergeIntoTableCommandSchema> {
    const { actions, schemaEvolution } = this.state;
    return {
      targetTableName: this.targetTable,
      sourceTablePlan: this.source.relation,
      mergeCondition: this.condition,
      matchActions: [...actions.matched],
      notMatchedActions: [...actions.notMatched],
      notMatchedBySourceActions: [...actions.notMatchedBySource],
      withSchemaEvolution: schemaEvolution,
    };
  }

  async merge(): Promise<void> {
    const plan = commandPlan({ commandType: { case: "mergeIntoTableCommand", value: this.command() } });
    await runCommand(this.source.sparkSession.backend, plan);
  }
}

function optionalCondition(condition: Column | undefined | null): Expression | undefined {
  if (condition === undefined || condition === null) return undefined;
  requireColumn(condition, "condition");
  return condition.expr;
}

/**
 * The clauses of a MERGE INTO: each `whenMatched`, `whenNotMatched` or `whenNotMatchedBySource` call returns a
 * small builder whose terminal method (update, updateAll, delete, insert, insertAll) adds one `MergeAction` with
 * its optional condition and hands the writer back, so clauses chain as in PySpark.
 */
import { create } from "@bufbuild/protobuf";
import type { MergeIntoWriterApi } from "../../../generated/api/merge-into-writer.js";
import type { MergeIntoWriterWhenMatchedApi } from "../../../generated/api/merge-into-writer-when-matched.js";
import type { MergeIntoWriterWhenNotMatchedApi } from "../../../generated/api/merge-into-writer-when-not-matched.js";
import type { MergeIntoWriterWhenNotMatchedBySourceApi } from "../../../generated/api/merge-into-writer-when-not-matched-by-source.js";
import {
  type Expression,
  ExpressionSchema,
  MergeAction_ActionType,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import { ClientArgumentError } from "../../errors/index.js";
import { describeType } from "../../plan/literals.js";
import { type ColumnOrLiteral, toExpression } from "../column.js";
import { expr } from "../functions.js";

/** Target column (a name or SQL path such as `t.price`) → the new value. */
export type MergeAssignments = Readonly<Record<string, ColumnOrLiteral>>;

export type MergeClause = "matched" | "notMatched" | "notMatchedBySource";

/** What a clause builder needs from its writer: a way to add the finished action and continue. */
export interface MergeActionSink<W> {
  withAction(clause: MergeClause, action: Expression): W;
}

/** One `MergeAction` wrapped as the Expression the command carries. */
export function mergeActionExpression(
  actionType: MergeAction_ActionType,
  condition: Expression | undefined,
  assignments?: MergeAssignments,
): Expression {
  const pairs = assignments === undefined ? [] : assignmentList(assignments);
  return create(ExpressionSchema, {
    exprType: {
      case: "mergeAction",
      value: {
        actionType,
        ...(condition === undefined ? {} : { condition }),
        assignments: pairs.map(([key, value]) => ({ key: expr(key).expr, value: toExpression(value, key) })),
      },
    },
  });
}

function assignmentList(assignments: unknown): Array<[string, ColumnOrLiteral]> {
  if (typeof assignments !== "object" || assignments === null || Array.isArray(assignments)) {
    throw new ClientArgumentError(
      `assignments must be an object of column name to value, got ${describeType(assignments)}.`,
      { errorClass: "NOT_DICT", messageParameters: { arg_name: "assignments", arg_type: describeType(assignments) } },
    );
  }
  const pairs = Object.entries(assignments as MergeAssignments);
  if (pairs.length === 0) {
    throw new ClientArgumentError("assignments must name at least one column.", {
      errorClass: "CANNOT_BE_EMPTY",
      messageParameters: { item: "assignments" },
    });
  }
  return pairs;
}

/** `whenMatched(condition)`: rows of the target that have a matching source row. */
export class WhenMatched<W extends MergeIntoWriterApi> implements MergeIntoWriterWhenMatchedApi {
  constructor(
    private readonly sink: MergeActionSink<W>,
    private readonly condition: Expression | undefined,
  ) {}

  /** Sets the given target columns. */
  update(assignments: MergeAssignments): W {
    const action = mergeActionExpression(MergeAction_ActionType.UPDATE, this.condition, assignments);
    return this.sink.withAction("matched", action);
  }

  /** Sets every target column from the same-named source column. */
  updateAll(): W {
    return this.sink.withAction("matched", mergeActionExpression(MergeAction_ActionType.UPDATE_STAR, this.condition));
  }

  delete(): W {
    return this.sink.withAction("matched", mergeActionExpression(MergeAction_ActionType.DELETE, this.condition));
  }
}

/** `whenNotMatched(condition)`: source rows with no matching target row. */
export class WhenNotMatched<W extends MergeIntoWriterApi> implements MergeIntoWriterWhenNotMatchedApi {
  constructor(
    private readonly sink: MergeActionSink<W>,
    private readonly condition: Expression | undefined,
  ) {}

  /** Inserts a row with the given column values. */
  insert(assignments: MergeAssignments): W {
    const action = mergeActionExpression(MergeAction_ActionType.INSERT, this.condition, assignments);
    return this.sink.withAction("notMatched", action);
  }

  /** Inserts the source row as it is (columns by name). */
  insertAll(): W {
    const action = mergeActionExpression(MergeAction_ActionType.INSERT_STAR, this.condition);
    return this.sink.withAction("notMatched", action);
  }
}

/** `whenNotMatchedBySource(condition)`: target rows no source row matches. */
export class WhenNotMatchedBySource<W extends MergeIntoWriterApi> implements MergeIntoWriterWhenNotMatchedBySourceApi {
  constructor(
    private readonly sink: MergeActionSink<W>,
    private readonly condition: Expression | undefined,
  ) {}

  update(assignments: MergeAssignments): W {
    const action = mergeActionExpression(MergeAction_ActionType.UPDATE, this.condition, assignments);
    return this.sink.withAction("notMatchedBySource", action);
  }

  /** Sets every target column from the same-named source column (PySpark offers it; Spark decides if it is valid). */
  updateAll(): W {
    const action = mergeActionExpression(MergeAction_ActionType.UPDATE_STAR, this.condition);
    return this.sink.withAction("notMatchedBySource", action);
  }

  delete(): W {
    const action = mergeActionExpression(MergeAction_ActionType.DELETE, this.condition);
    return this.sink.withAction("notMatchedBySource", action);
  }
}

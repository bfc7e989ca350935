/**
 * DataFrames used inside other queries: as a scalar value (`scalar()`), an EXISTS test (`exists()`), a table
 * argument (`asTable()`), or the right side of a lateral join. A subquery's plan travels with every node that
 * uses it (a WithRelations wrapper, see runtime/plan/relations.ts). DataFrame builds on this class.
 */
import { create } from "@bufbuild/protobuf";
import {
  ExpressionSchema,
  SubqueryExpression_SubqueryType,
} from "../../generated/proto/spark/connect/expressions_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import type { JoinKind } from "../plan/relations.js";
import { wrongType } from "./argument-checks.js";
import { Column } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import { DataFrameActions } from "./dataframe-actions.js";
import { DataFrameReshaping } from "./dataframe-reshaping.js";
import { TableArg } from "./table-arg.js";

/** The join types a lateral join takes, after PySpark's normalisation (lower case, no underscores). */
const LATERAL_JOIN_TYPES: Record<string, JoinKind> = {
  inner: "inner",
  leftouter: "left_outer",
  left: "left_outer",
  cross: "cross",
};

export abstract class DataFrameSubqueries extends DataFrameReshaping {
  /** This one-column, at-most-one-row DataFrame as a value in another query (a scalar subquery). */
  scalar(): Column {
    return this.subquery(SubqueryExpression_SubqueryType.SCALAR);
  }

  /** Whether this DataFrame has any row, as a boolean Column for another query (an EXISTS subquery). */
  exists(): Column {
    return this.subquery(SubqueryExpression_SubqueryType.EXISTS);
  }

  /** This DataFrame as a table argument of a table-valued function. */
  asTable(): TableArg {
    this.sparkSession.plans.registerSubquery(this.relation);
    return new TableArg(this.planId);
  }

  /**
   * Joins each row with the rows `other` yields for it: `other` may refer to this DataFrame's columns (e.g. a
   * table-valued function of them). `how` is inner (default), left (leftouter) or cross.
   */
  lateralJoin(other: DataFrame, on?: Column | null, how?: string | null): DataFrame {
    if (!(other instanceof DataFrameActions)) throw wrongType("NOT_DATAFRAME", "other", other, "a DataFrame");
    if (other.sparkSession !== this.sparkSession) {
      throw new ClientArgumentError("Both DataFrames must belong to the same SparkSession.", {
        errorClass: "SESSION_NOT_SAME",
      });
    }
    if (on !== undefined && on !== null && !(on instanceof Column)) throw wrongType("NOT_COLUMN", "on", on, "a Column");
    let kind: JoinKind = "inner";
    if (how !== undefined && how !== null) {
      if (typeof how !== "string") throw wrongType("NOT_STR", "how", how, "a join type name");
      const found = LATERAL_JOIN_TYPES[how.toLowerCase().replaceAll("_", "")];
      if (found === undefined) {
        throw new ClientArgumentError(
          `Unsupported join type '${how}'. Supported join types include: 'inner', 'leftouter', 'left', 'left_outer', 'cross'.`,
          {
            errorClass: "UNSUPPORTED_JOIN_TYPE",
            messageParameters: { typ: how, supported: "'inner', 'leftouter', 'left', 'left_outer', 'cross'" },
          },
        );
      }
      kind = found;
    }
    return this.withRelation(
      this.sparkSession.plans.lateralJoin(
        this.relation,
        other.relation,
        kind,
        on instanceof Column ? on.expr : undefined,
      ),
    );
  }

  private subquery(subqueryType: SubqueryExpression_SubqueryType): Column {
    this.sparkSession.plans.registerSubquery(this.relation);
    return new Column(
      create(ExpressionSchema, {
        exprType: { case: "subqueryExpression", value: { planId: this.planId, subqueryType } },
      }),
    );
  }
}

/**
 * `df.asTable()`: a DataFrame passed whole to a table-valued function or UDTF, optionally partitioned
 * (`partitionBy` or `withSinglePartition`) and then ordered within partitions (`orderBy`). Immutable: each
 * call returns a new TableArg.
 */
import { create } from "@bufbuild/protobuf";
import {
  type Expression,
  type Expression_SortOrder,
  ExpressionSchema,
  SubqueryExpression_SubqueryType,
} from "../../generated/proto/spark/connect/expressions_pb.js";
import { IllegalArgumentException } from "../errors/index.js";
import { asSortOrder } from "../plan/expressions.js";
import { type ColumnOrName, columnOrName } from "./column-names.js";

type ColumnList = Array<ColumnOrName | readonly ColumnOrName[]>;

export class TableArg {
  readonly kind = "table-arg" as const;

  constructor(
    /** The plan id of the DataFrame this argument passes. */
    private readonly planId: bigint,
    private readonly partitionSpec: readonly Expression[] = [],
    private readonly orderSpec: readonly Expression_SortOrder[] = [],
    private readonly singlePartition: boolean | undefined = undefined,
  ) {}

  private get partitioned(): boolean {
    return this.partitionSpec.length > 0 || this.singlePartition === true;
  }

  /** Rows with equal values of `cols` go to the same call of the function. */
  partitionBy(...cols: ColumnList): TableArg {
    if (this.partitioned) {
      throw new IllegalArgumentException(
        "Cannot call partitionBy() after partitionBy() or withSinglePartition() has been called.",
      );
    }
    const added = flatten(cols).map((c) => columnOrName(c, "partitionBy").expr);
    return new TableArg(this.planId, [...this.partitionSpec, ...added], this.orderSpec, this.singlePartition);
  }

  /** Orders the rows within each partition (after `partitionBy` or `withSinglePartition`). */
  orderBy(...cols: ColumnList): TableArg {
    if (!this.partitioned) {
      throw new IllegalArgumentException("Please call partitionBy() or withSinglePartition() before orderBy().");
    }
    const added = flatten(cols).map((c) => asSortOrder(columnOrName(c, "orderBy").expr));
    return new TableArg(this.planId, this.partitionSpec, [...this.orderSpec, ...added], this.singlePartition);
  }

  /** Every row goes to one call of the function. */
  withSinglePartition(): TableArg {
    if (this.partitioned) {
      throw new IllegalArgumentException(
        "Cannot call withSinglePartition() after partitionBy() or withSinglePartition() has been called.",
      );
    }
    return new TableArg(this.planId, this.partitionSpec, this.orderSpec, true);
  }

  /** The table-argument subquery expression a function call carries. */
  get expr(): Expression {
    const tableArgOptions: {
      partitionSpec: Expression[];
      orderSpec: Expression_SortOrder[];
      withSinglePartition?: boolean;
    } = {
      partitionSpec: [...this.partitionSpec],
      orderSpec: [...this.orderSpec],
    };
    if (this.singlePartition !== undefined) tableArgOptions.withSinglePartition = this.singlePartition;
    return create(ExpressionSchema, {
      exprType: {
        case: "subqueryExpression",
        value: { planId: this.planId, subqueryType: SubqueryExpression_SubqueryType.TABLE_ARG, tableArgOptions },
      },
    });
  }
}

function flatten(cols: ColumnList): ColumnOrName[] {
  return cols.flatMap((c) => (Array.isArray(c) ? [...(c as readonly ColumnOrName[])] : [c as ColumnOrName]));
}

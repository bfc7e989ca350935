/**
 * Builders for proto Relations, one method per relation kind a DataFrame makes. Each call takes a fresh plan id
 * from the session's generator, in the order PySpark takes them (a node is made after its inputs), and stores it in
 * `common.plan_id`. Inputs are embedded as they are: relations are treated as immutable once built.
 */
import { clone, create, type MessageInitShape } from "@bufbuild/protobuf";
import type {
  Expression,
  Expression_Literal,
  Expression_SortOrder,
} from "../../generated/proto/spark/connect/expressions_pb.js";
import {
  Aggregate_GroupType,
  Join_JoinType,
  type Relation,
  RelationCommonSchema,
  RelationSchema,
  SetOperation_SetOpType,
} from "../../generated/proto/spark/connect/relations_pb.js";
import type { DataType } from "../../generated/proto/spark/connect/types_pb.js";
import { aliasExpression } from "./expressions.js";
import type { PlanIdGenerator } from "./plan-ids.js";

type RelType = NonNullable<MessageInitShape<typeof RelationSchema>["relType"]>;

export type JoinKind = "inner" | "full_outer" | "left_outer" | "right_outer" | "left_semi" | "left_anti" | "cross";
export type SetOperationKind = "union" | "intersect" | "except";
export type GroupKind = "groupby" | "rollup" | "cube" | "pivot" | "grouping_sets";

const JOIN_TYPES: Record<JoinKind, Join_JoinType> = {
  inner: Join_JoinType.INNER,
  full_outer: Join_JoinType.FULL_OUTER,
  left_outer: Join_JoinType.LEFT_OUTER,
  right_outer: Join_JoinType.RIGHT_OUTER,
  left_semi: Join_JoinType.LEFT_SEMI,
  left_anti: Join_JoinType.LEFT_ANTI,
  cross: Join_JoinType.CROSS,
};

const SET_OPERATIONS: Record<SetOperationKind, SetOperation_SetOpType> = {
  union: SetOperation_SetOpType.UNION,
  intersect: SetOperation_SetOpType.INTERSECT,
  except: SetOperation_SetOpType.EXCEPT,
};

const GROUP_TYPES: Record<GroupKind, Aggregate_GroupType> = {
  groupby: Aggregate_GroupType.GROUPBY,
  rollup: Aggregate_GroupType.ROLLUP,
  cube: Aggregate_GroupType.CUBE,
  pivot: Aggregate_GroupType.PIVOT,
  grouping_sets: Aggregate_GroupType.GROUPING_SETS,
};

export interface PivotSpec {
  readonly column: Expression;
  /** The pivot values; absent means the server finds the distinct values itself. */
  readonly values?: readonly Expression_Literal[];
}

export interface JoinCondition {
  /** Join on equality of these same-named columns (the USING form); the result has each column once. */
  readonly usingColumns?: readonly string[];
  /** Join on an arbitrary boolean expression. */
  readonly condition?: Expression;
}

export interface SetOperationOptions {
  readonly isAll: boolean;
  readonly byName: boolean;
  readonly allowMissingColumns: boolean;
}

export class RelationFactory {
  constructor(private readonly ids: PlanIdGenerator) {}

  /** Plans of DataFrames used as subqueries (`df.scalar()`, `df.exists()`), by plan id. */
  private readonly subqueries = new Map<bigint, Relation>();

  /**
   * A new node. When its expressions use DataFrames as subqueries, it is wrapped (as PySpark does) in a
   * WithRelations node that carries those plans, with the next id after the node's own.
   */
  private relation(relType: RelType): Relation {
    const root = create(RelationSchema, { common: { planId: this.ids.fresh() }, relType });
    if (this.subqueries.size === 0) return root;
    const references = subqueryPlanIds(relType.value).flatMap((id) => {
      const plan = this.subqueries.get(id);
      return plan === undefined ? [] : [plan];
    });
    if (references.length === 0) return root;
    return create(RelationSchema, {
      common: { planId: this.ids.fresh() },
      relType: { case: "withRelations", value: { root, references } },
    });
  }

  range(start: bigint, end: bigint, step: bigint, numPartitions?: number): Relation {
    const value = { start, end, step };
    return this.relation({ case: "range", value: numPartitions === undefined ? value : { ...value, numPartitions } });
  }

  /** A SQL query with positional (`?`) or named (`:name`) parameters given as expressions. */
  sql(query: string, positional: readonly Expression[], named: Readonly<Record<string, Expression>>): Relation {
    return this.relation({
      case: "sql",
      value: { query, posArguments: [...positional], namedArguments: { ...named } },
    });
  }

  /** `root` evaluated with `references` (e.g. DataFrames a SQL text names as views) available to it. */
  withRelations(root: Relation, references: readonly Relation[]): Relation {
    return this.relation({ case: "withRelations", value: { root, references: [...references] } });
  }

  table(unparsedIdentifier: string, options: Readonly<Record<string, string>> = {}): Relation {
    return this.relation({
      case: "read",
      value: { readType: { case: "namedTable", value: { unparsedIdentifier, options: { ...options } } } },
    });
  }

  /** Rows shipped inline as an Arrow IPC stream; `schema` (Spark JSON or DDL) fixes names, types and nullability. */
  localRelation(data: Uint8Array | undefined, schema?: string): Relation {
    const value: { data?: Uint8Array; schema?: string } = {};
    if (data !== undefined) value.data = data;
    if (schema !== undefined) value.schema = schema;
    return this.relation({ case: "localRelation", value });
  }

  /** A table-valued function by name (`explode`, `stack`, `sql_keywords`, ...) over argument expressions. */
  tableValuedFunction(functionName: string, args: readonly Expression[]): Relation {
    return this.relation({ case: "unresolvedTableValuedFunction", value: { functionName, arguments: [...args] } });
  }

  project(input: Relation, expressions: readonly Expression[]): Relation {
    return this.relation({ case: "project", value: { input, expressions: [...expressions] } });
  }

  filter(input: Relation, condition: Expression): Relation {
    return this.relation({ case: "filter", value: { input, condition } });
  }

  withColumns(input: Relation, columns: ReadonlyArray<readonly [string, Expression]>): Relation {
    const aliases = columns.map(([name, expr]) => {
      const alias = aliasExpression(expr, [name]);
      if (alias.exprType.case !== "alias") throw new Error("unreachable: aliasExpression built no alias");
      return alias.exprType.value;
    });
    return this.relation({ case: "withColumns", value: { input, aliases } });
  }

  withColumnsRenamed(input: Relation, renames: ReadonlyArray<readonly [string, string]>): Relation {
    return this.relation({
      case: "withColumnsRenamed",
      value: { input, renames: renames.map(([colName, newColName]) => ({ colName, newColName })) },
    });
  }

  toDf(input: Relation, columnNames: readonly string[]): Relation {
    return this.relation({ case: "toDf", value: { input, columnNames: [...columnNames] } });
  }

  drop(input: Relation, columns: readonly Expression[], columnNames: readonly string[]): Relation {
    return this.relation({ case: "drop", value: { input, columns: [...columns], columnNames: [...columnNames] } });
  }

  aggregate(
    input: Relation,
    kind: GroupKind,
    grouping: readonly Expression[],
    aggregates: readonly Expression[],
    pivot?: PivotSpec,
    groupingSets?: ReadonlyArray<readonly Expression[]>,
  ): Relation {
    const value = {
      input,
      groupType: GROUP_TYPES[kind],
      groupingExpressions: [...grouping],
      aggregateExpressions: [...aggregates],
      groupingSets: (groupingSets ?? []).map((set) => ({ groupingSet: [...set] })),
    };
    if (pivot === undefined) return this.relation({ case: "aggregate", value });
    const pivotValue = { col: pivot.column, values: [...(pivot.values ?? [])] };
    return this.relation({ case: "aggregate", value: { ...value, pivot: pivotValue } });
  }

  /**
   * Wide to long: one output row per input row and value column. `values` absent means every column that is
   * not an id (the server decides), which differs from an empty list.
   */
  unpivot(
    input: Relation,
    ids: readonly Expression[],
    values: readonly Expression[] | undefined,
    variableColumnName: string,
    valueColumnName: string,
  ): Relation {
    const value = { input, ids: [...ids], variableColumnName, valueColumnName };
    if (values === undefined) return this.relation({ case: "unpivot", value });
    return this.relation({ case: "unpivot", value: { ...value, values: { values: [...values] } } });
  }

  sort(input: Relation, order: readonly Expression_SortOrder[], isGlobal: boolean): Relation {
    return this.relation({ case: "sort", value: { input, order: [...order], isGlobal } });
  }

  limit(input: Relation, limit: number): Relation {
    return this.relation({ case: "limit", value: { input, limit } });
  }

  offset(input: Relation, offset: number): Relation {
    return this.relation({ case: "offset", value: { input, offset } });
  }

  tail(input: Relation, limit: number): Relation {
    return this.relation({ case: "tail", value: { input, limit } });
  }

  join(left: Relation, right: Relation, kind: JoinKind, on: JoinCondition): Relation {
    const value: RelType & { case: "join" } = {
      case: "join",
      value: { left, right, joinType: JOIN_TYPES[kind], usingColumns: [...(on.usingColumns ?? [])] },
    };
    if (on.condition !== undefined) value.value.joinCondition = on.condition;
    return this.relation(value);
  }

  setOperation(left: Relation, right: Relation, kind: SetOperationKind, options: SetOperationOptions): Relation {
    return this.relation({
      case: "setOp",
      value: { leftInput: left, rightInput: right, setOpType: SET_OPERATIONS[kind], ...options },
    });
  }

  /** `distinct()` (no names: every column is a key) or `dropDuplicates(names)`. */
  deduplicate(input: Relation, columnNames?: readonly string[]): Relation {
    return this.relation({
      case: "deduplicate",
      value:
        columnNames === undefined
          ? { input, allColumnsAsKeys: true, withinWatermark: false }
          : { input, columnNames: [...columnNames], allColumnsAsKeys: false, withinWatermark: false },
    });
  }

  subqueryAlias(input: Relation, alias: string): Relation {
    return this.relation({ case: "subqueryAlias", value: { input, alias } });
  }

  /** Exactly `numPartitions` partitions: with a shuffle (repartition) or by merging (coalesce). */
  repartition(input: Relation, numPartitions: number, shuffle: boolean): Relation {
    return this.relation({ case: "repartition", value: { input, numPartitions, shuffle } });
  }

  /** Hash-partitions by expressions (or range-partitions when they are sort orders). */
  repartitionByExpression(input: Relation, partitionExprs: readonly Expression[], numPartitions?: number): Relation {
    const value = { input, partitionExprs: [...partitionExprs] };
    return this.relation({
      case: "repartitionByExpression",
      value: numPartitions === undefined ? value : { ...value, numPartitions },
    });
  }

  /** A random sample of about `fraction` of the rows. */
  sample(input: Relation, fraction: number, withReplacement: boolean, seed: bigint): Relation {
    return this.relation({
      case: "sample",
      value: { input, lowerBound: 0, upperBound: fraction, withReplacement, seed, deterministicOrder: false },
    });
  }

  hint(input: Relation, name: string, parameters: readonly Expression[]): Relation {
    return this.relation({ case: "hint", value: { input, name, parameters: [...parameters] } });
  }

  /** count, mean, stddev, min and max of the given columns (all numeric and string columns when none). */
  describe(input: Relation, cols: readonly string[]): Relation {
    return this.relation({ case: "describe", value: { input, cols: [...cols] } });
  }

  /** The named statistics (count, mean, percentiles such as `25%`, ...) of every numeric and string column. */
  summary(input: Relation, statistics: readonly string[]): Relation {
    return this.relation({ case: "summary", value: { input, statistics: [...statistics] } });
  }

  /** Replaces nulls: one value for every (or every listed) column of a fitting type, or one value per column. */
  fillNa(input: Relation, cols: readonly string[], values: readonly Expression_Literal[]): Relation {
    return this.relation({ case: "fillNa", value: { input, cols: [...cols], values: [...values] } });
  }

  /** Drops rows with nulls: any null when `minNonNulls` is absent, else fewer than that many non-nulls. */
  dropNa(input: Relation, cols: readonly string[], minNonNulls?: number): Relation {
    const value = { input, cols: [...cols] };
    return this.relation({ case: "dropNa", value: minNonNulls === undefined ? value : { ...value, minNonNulls } });
  }

  /** The server renders the rows as the text table `show()` prints; `truncate` < 1 means no truncation. */
  showString(input: Relation, numRows: number, truncate: number, vertical: boolean): Relation {
    return this.relation({ case: "showString", value: { input, numRows, truncate, vertical } });
  }

  /** A relation the server handed back (e.g. a SQL command result), re-tagged with a fresh id as PySpark does. */
  adopt(relation: Relation): Relation {
    const adopted = clone(RelationSchema, relation);
    adopted.common ??= create(RelationCommonSchema);
    adopted.common.planId = this.ids.fresh();
    return adopted;
  }

  // ---- Statistics, reshaping, observation and subqueries ------------------------------------------------------

  /** Remembers `input` as the plan of a subquery, so nodes whose expressions use it carry it along. */
  registerSubquery(input: Relation): void {
    const id = input.common?.planId;
    if (id !== undefined) this.subqueries.set(id, input);
  }

  corr(input: Relation, col1: string, col2: string, method: string): Relation {
    return this.relation({ case: "corr", value: { input, col1, col2, method } });
  }

  cov(input: Relation, col1: string, col2: string): Relation {
    return this.relation({ case: "cov", value: { input, col1, col2 } });
  }

  crosstab(input: Relation, col1: string, col2: string): Relation {
    return this.relation({ case: "crosstab", value: { input, col1, col2 } });
  }

  freqItems(input: Relation, cols: readonly string[], support: number): Relation {
    return this.relation({ case: "freqItems", value: { input, cols: [...cols], support } });
  }

  approxQuantile(input: Relation, cols: readonly string[], probabilities: readonly number[], relativeError: number) {
    return this.relation({
      case: "approxQuantile",
      value: { input, cols: [...cols], probabilities: [...probabilities], relativeError },
    });
  }

  /** A stratified sample: each stratum (a literal of `col`) kept with its own fraction. */
  sampleBy(
    input: Relation,
    col: Expression,
    fractions: ReadonlyArray<readonly [Expression_Literal, number]>,
    seed: bigint,
  ): Relation {
    return this.relation({
      case: "sampleBy",
      value: { input, col, fractions: fractions.map(([stratum, fraction]) => ({ stratum, fraction })), seed },
    });
  }

  /** The rows whose random draw falls in [lowerBound, upperBound): one split of `randomSplit`. */
  sampleBetween(input: Relation, lowerBound: number, upperBound: number, seed: bigint): Relation {
    return this.relation({
      case: "sample",
      value: { input, lowerBound, upperBound, withReplacement: false, seed, deterministicOrder: true },
    });
  }

  /** Replaces values (old → new literal pairs) in every column of a fitting type, or only in `cols`. */
  replace(
    input: Relation,
    cols: readonly string[],
    replacements: ReadonlyArray<readonly [Expression_Literal, Expression_Literal]>,
  ): Relation {
    return this.relation({
      case: "replace",
      value: {
        input,
        cols: [...cols],
        replacements: replacements.map(([oldValue, newValue]) => ({ oldValue, newValue })),
      },
    });
  }

  /** Gathers named aggregate metrics while the plan runs; the server reports them with the result. */
  collectMetrics(input: Relation, name: string, metrics: readonly Expression[]): Relation {
    return this.relation({ case: "collectMetrics", value: { input, name, metrics: [...metrics] } });
  }

  /** Reconciles `input` with `schema`: columns matched by name, reordered, cast, nullability checked. */
  toSchema(input: Relation, schema: DataType): Relation {
    return this.relation({ case: "toSchema", value: { input, schema } });
  }

  withWatermark(input: Relation, eventTime: string, delayThreshold: string): Relation {
    return this.relation({ case: "withWatermark", value: { input, eventTime, delayThreshold } });
  }

  /** Streaming deduplication that keeps state only within the watermark. */
  deduplicateWithinWatermark(input: Relation, columnNames?: readonly string[]): Relation {
    return this.relation({
      case: "deduplicate",
      value:
        columnNames === undefined
          ? { input, allColumnsAsKeys: true, withinWatermark: true }
          : { input, columnNames: [...columnNames], allColumnsAsKeys: false, withinWatermark: true },
    });
  }

  /** Replaces column `name` by `column` carrying JSON `metadata`. */
  withColumnMetadata(input: Relation, name: string, column: Expression, metadata: string): Relation {
    const alias = aliasExpression(column, [name], metadata);
    if (alias.exprType.case !== "alias") throw new Error("unreachable: aliasExpression built no alias");
    return this.relation({ case: "withColumns", value: { input, aliases: [alias.exprType.value] } });
  }

  transpose(input: Relation, indexColumns: readonly Expression[]): Relation {
    return this.relation({ case: "transpose", value: { input, indexColumns: [...indexColumns] } });
  }

  lateralJoin(left: Relation, right: Relation, kind: JoinKind, condition?: Expression): Relation {
    const value = { left, right, joinType: JOIN_TYPES[kind] };
    return this.relation({
      case: "lateralJoin",
      value: condition === undefined ? value : { ...value, joinCondition: condition },
    });
  }

  /** A DataFrame the server keeps (e.g. a checkpoint), referred to by its id. */
  cachedRemoteRelation(relationId: string): Relation {
    return this.relation({ case: "cachedRemoteRelation", value: { relationId } });
  }
}

/**
 * The plan ids of subquery expressions in a node's own expressions, in order. Input relations are not
 * entered: their subqueries were attached when they were built.
 */
function subqueryPlanIds(value: unknown): bigint[] {
  const ids: bigint[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== "object" || node === null || node instanceof Uint8Array) return;
    const message = node as { $typeName?: string; exprType?: { case?: string; value?: { planId?: bigint } } };
    if (message.$typeName === "spark.connect.Relation") return;
    if (message.$typeName === "spark.connect.Expression" && message.exprType?.case === "subqueryExpression") {
      const id = message.exprType.value?.planId;
      if (id !== undefined) ids.push(id);
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(value);
  return ids;
}

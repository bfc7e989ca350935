/**
 * Proto Relation → resolved logical plan, bottom-up: each node's expressions resolve against its children's
 * output. DataFrame-level conveniences (withColumns, drop, toDF, using-joins, unionByName) become plain
 * projections here, so the optimizer and planner only see relational operators.
 */

import { create, fromBinary } from "@bufbuild/protobuf";
import {
  type Expression,
  type Expression_SortOrder,
  Expression_SortOrder_NullOrdering,
  Expression_SortOrder_SortDirection,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import {
  Aggregate_GroupType,
  AggregateSchema,
  Join_JoinType,
  ReadSchema,
  type Relation,
  SetOperation_SetOpType,
  UnpivotSchema,
} from "../../../generated/proto/spark/connect/relations_pb.js";

import { AnalysisException } from "../../errors/index.js";
import { notSupportedLocally, sparkError, unresolvedColumn } from "../errors.js";
import { IMPLICIT_GROUPING_PIVOT, IMPLICIT_IDS_UNPIVOT } from "../extension-relations.js";
import { displayOf } from "../logical/expression-display.js";
import {
  type AttributeRef,
  children,
  collectAttributes,
  type Expr,
  isAggregate,
  type NamedExpr,
  type SortKey,
} from "../logical/expressions.js";
import { isGeneratorName } from "../logical/generators.js";
import { type JoinType, type LogicalPlan, outputOf, toAttribute } from "../logical/logical-plan.js";
import type { CheckpointedResult } from "../session/checkpointed-relations.js";
import * as T from "../types/data-types.js";
import { aggregateWithWindows, liftIntoAggregate } from "./aggregate-lifting.js";
import { dropColumns, renameColumns, toDF, withColumns } from "./column-operations.js";
import { type AnalyzerConf, ExpressionAnalyzer, type IdGenerator } from "./expression-analyzer.js";
import { generatorTable, lateralGenerate, projectWithGenerators } from "./generator-analysis.js";
import { analyzeGroupingAnalytics } from "./grouping-analysis.js";
import { readRenamedGroupings } from "./grouping-references.js";
import { analyzeJoin } from "./join-analysis.js";
import { naDrop, naFill } from "./na-functions.js";
import { naReplace } from "./na-replace.js";
import { analyzeCollectMetrics } from "./observed-metrics-analysis.js";
import { orderByAllKey } from "./order-by-all.js";
import { sortOnPulledOutKeys } from "./partition-dependent-keys.js";
import { analyzePivot } from "./pivot-analysis.js";
import { analyzeSample } from "./sample-analysis.js";
import { rewriteSessionWindows } from "./session-window-rewrite.js";
import { analyzeCheckpointed, analyzeLocalRelation, analyzeRead, analyzeTableFunction } from "./source-relations.js";
import { type SqlParameters, sqlParametersOf } from "./sql-parameters.js";
import { analyzeApproxQuantile } from "./stat-approx-quantile.js";
import { analyzeCorr, analyzeCov } from "./stat-correlation.js";
import { analyzeCrosstab } from "./stat-crosstab.js";
import { analyzeFreqItems } from "./stat-freq-items.js";
import { analyzeSampleBy } from "./stat-sample-by.js";
import { analyzeDescribe, analyzeSummary } from "./stat-summary.js";
import { analyzeWithSubqueries, type PendingSubquery, resolveSubquery } from "./subquery-analysis.js";
import { filterWithSubqueries, withSubqueryColumns } from "./subquery-joins.js";
import { rewriteTimeWindows } from "./time-window-rewrite.js";
import { analyzeToSchema } from "./to-schema-analysis.js";
import { analyzeTranspose } from "./transpose-analysis.js";
import { analyzeUnion } from "./union-analysis.js";
import { analyzeUnpivot } from "./unpivot-analysis.js";
import { containsWindow, projectWithWindows } from "./window-analysis.js";

/** What a catalog name reads; a persistent view also says the database its own one-part names resolve in. */
export interface CatalogRelation {
  readonly relation: Relation;
  readonly viewDatabase?: string;
}

export interface RelationAnalyzerOptions extends AnalyzerConf {
  readonly defaultParallelism: number;
  readonly shufflePartitions: number;
  /** Turns SQL text into a Relation (the SQL front end), when available. */
  readonly parseSql?: (text: string, parameters?: SqlParameters) => Relation;
  /** The session time zone (file sources read timestamps in it). */
  readonly timeZone: string;
  /**
   * Looks up a view or table by name in the session's catalog. Inside a persistent view, `viewDatabase` is the
   * database current when the view was created, where its one-part names resolve.
   */
  readonly lookupView?: (name: string, viewDatabase: string | undefined) => CatalogRelation | undefined;
  readonly lookupCheckpoint?: (id: string) => CheckpointedResult | undefined;
}

const JOIN_TYPES: Partial<Record<Join_JoinType, JoinType>> = {
  [Join_JoinType.UNSPECIFIED]: "inner",
  [Join_JoinType.INNER]: "inner",
  [Join_JoinType.LEFT_OUTER]: "left_outer",
  [Join_JoinType.RIGHT_OUTER]: "right_outer",
  [Join_JoinType.FULL_OUTER]: "full_outer",
  [Join_JoinType.LEFT_SEMI]: "left_semi",
  [Join_JoinType.LEFT_ANTI]: "left_anti",
  [Join_JoinType.CROSS]: "cross",
};

export class RelationAnalyzer {
  readonly exprs: ExpressionAnalyzer;
  /** While a persistent view's text is analysed: the database its one-part names resolve in. */
  viewDatabase: string | undefined;
  /** Subquery plans carried by WithRelations nodes, by plan id. */
  private readonly subqueryPlans = new Map<bigint, Relation>();
  /** Subqueries resolved into placeholder columns, waiting for the operator using them to join them in. */
  private readonly pendingSubqueries: PendingSubquery[] = [];

  constructor(
    readonly ids: IdGenerator,
    readonly options: RelationAnalyzerOptions,
  ) {
    this.exprs = new ExpressionAnalyzer(ids, options);
    this.exprs.resolveSubquery = (subquery, scope) =>
      resolveSubquery(this, this.subqueryPlans.get(subquery.planId), subquery, scope, this.pendingSubqueries);
  }

  attribute(name: string, type: T.DataType, nullable: boolean): AttributeRef {
    return { kind: "attr", exprId: this.ids.fresh(), name, type, nullable, qualifier: [] };
  }

  scopeOf(...plans: LogicalPlan[]) {
    return this.exprs.scope(
      plans.flatMap((p) => outputOf(p)),
      plans,
    );
  }

  /** Runs `analyze` with one-part catalog names resolving in `database` (a persistent view's), or as usual. */
  withViewDatabase<T>(database: string | undefined, analyze: () => T): T {
    const outer = this.viewDatabase;
    this.viewDatabase = database;
    try {
      return analyze();
    } finally {
      this.viewDatabase = outer;
    }
  }

  analyze(relation: Relation): LogicalPlan {
    const planId = relation.common?.planId;
    const mark = this.pendingSubqueries.length;
    const plan = this.withPendingSubqueries(this.analyzeKind(relation), this.pendingSubqueries.splice(mark));
    return planId === undefined ? plan : { ...plan, planId };
  }

  /** Joins the subqueries a projection's expressions use in below it; other operators do not take them. */
  private withPendingSubqueries(plan: LogicalPlan, pending: readonly PendingSubquery[]): LogicalPlan {
    if (pending.length === 0) return plan;
    if (plan.kind !== "project") throw notSupportedLocally(`correlated or IN subqueries in a ${plan.kind} operator`);
    return { ...plan, child: withSubqueryColumns(this, plan.child, pending) };
  }

  private input(rel: { input?: Relation | undefined }, what: string): LogicalPlan {
    if (rel.input === undefined) throw new AnalysisException(`${what} has no input relation.`);
    return this.analyze(rel.input);
  }

  private analyzeKind(relation: Relation): LogicalPlan {
    const windowed = rewriteTimeWindows(relation) ?? rewriteSessionWindows(relation);
    if (windowed !== undefined) return this.analyzeKind(windowed);
    const r = relation.relType;
    switch (r.case) {
      case "range": {
        const { start = 0n, end, step, numPartitions } = r.value;
        if (step === 0n)
          throw sparkError(
            AnalysisException,
            "INVALID_PARAMETER_VALUE.RANGE_STEP",
            "22023",
            "range() needs a non-zero step.",
          );
        return {
          kind: "range",
          start,
          end,
          step,
          numPartitions: numPartitions ?? this.options.defaultParallelism,
          output: [this.attribute("id", T.LONG, false)],
        };
      }
      case "localRelation":
        return analyzeLocalRelation(this, r.value.data, r.value.schema);
      case "cachedRemoteRelation":
        return analyzeCheckpointed(this, r.value.relationId);
      case "project": {
        const child = r.value.input ? this.analyze(r.value.input) : this.oneRow();
        const expressions = r.value.expressions;
        const generated = this.exprs.inSelectList(() => projectWithGenerators(this, child, expressions));
        if (generated !== undefined) return generated;
        if (containsWindow(expressions))
          return this.exprs.inSelectList(() => projectWithWindows(this, child, expressions));
        const exprs = this.exprs.inSelectList(() => this.exprs.resolveNamed(expressions, this.scopeOf(child), true));
        if (exprs.some(isAggregate)) return this.aggregate(child, [], exprs);
        return { kind: "project", child, exprs };
      }
      case "filter": {
        const input = this.input(r.value, "filter");
        if (!r.value.condition) throw new AnalysisException("filter has no condition.");
        // HAVING with aggregates the select list does not compute: the Aggregate computes them, hidden.
        const lifted = liftIntoAggregate(this, input, [r.value.condition]);
        const child = lifted?.plan ?? input;
        const mark = this.pendingSubqueries.length;
        const condition = this.exprs.resolve(lifted?.expressions[0] ?? r.value.condition, this.scopeOf(child));
        if (condition.type.kind.case !== "boolean" && !T.isNullType(condition.type)) {
          throw sparkError(
            AnalysisException,
            "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN",
            "42K09",
            `The filter condition ${displayOf(condition)} is ${T.sqlTypeName(condition.type)}, not BOOLEAN.`,
            {
              sqlExpr: `"${displayOf(condition)}"`,
              filter: `"${displayOf(condition)}"`,
              type: T.sqlTypeName(condition.type),
            },
          );
        }
        const subqueries = this.pendingSubqueries.splice(mark);
        const filtered: LogicalPlan =
          subqueries.length > 0
            ? filterWithSubqueries(this, child, condition, subqueries)
            : { kind: "filter", child, condition };
        return lifted === undefined ? filtered : { kind: "project", child: filtered, exprs: [...lifted.output] };
      }
      case "withColumns":
        return withColumns(this, this.input(r.value, "withColumns"), r.value.aliases);
      case "drop":
        return dropColumns(this, this.input(r.value, "drop"), r.value.columns, r.value.columnNames);
      case "toDf":
        return toDF(this, this.input(r.value, "toDF"), r.value.columnNames);
      case "withColumnsRenamed": {
        const renames: [string, string][] = [
          ...Object.entries(r.value.renameColumnsMap),
          ...r.value.renames.map((x): [string, string] => [x.colName, x.newColName]),
        ];
        return renameColumns(this, this.input(r.value, "withColumnsRenamed"), renames);
      }
      case "aggregate": {
        const child = this.input(r.value, "aggregate");
        const groupType = r.value.groupType;
        if (
          groupType === Aggregate_GroupType.ROLLUP ||
          groupType === Aggregate_GroupType.CUBE ||
          groupType === Aggregate_GroupType.GROUPING_SETS
        ) {
          return analyzeGroupingAnalytics(this, child, r.value);
        }
        if (groupType === Aggregate_GroupType.PIVOT) return analyzePivot(this, child, r.value);
        if (groupType !== Aggregate_GroupType.GROUPBY && groupType !== Aggregate_GroupType.UNSPECIFIED) {
          throw notSupportedLocally(`GROUP BY ${Aggregate_GroupType[r.value.groupType] ?? r.value.groupType}`);
        }
        const scope = this.scopeOf(child);
        const groupings = r.value.groupingExpressions.map((g) => this.exprs.named(this.exprs.resolve(g, scope)));
        const generated = this.exprs.inSelectList(() =>
          projectWithGenerators(this, child, r.value.aggregateExpressions, groupings),
        );
        if (generated !== undefined) return generated;
        if (containsWindow(r.value.aggregateExpressions))
          return this.exprs.inSelectList(() =>
            aggregateWithWindows(this, child, groupings, r.value.aggregateExpressions),
          );
        const resolved = this.exprs.resolveNamed(r.value.aggregateExpressions, scope, true);
        const aggregates = readRenamedGroupings(resolved, groupings);
        return this.aggregate(child, groupings, [...groupings.map(toAttribute), ...aggregates]);
      }
      case "sort": {
        const input = this.input(r.value, "sort");
        // ORDER BY aggregates of a grouped select that it does not output: computed by the Aggregate, hidden.
        const lifted = liftIntoAggregate(
          this,
          input,
          r.value.order.map((o) => o.child).filter((e) => e !== undefined),
        );
        if (lifted !== undefined) {
          const plan = lifted.plan;
          const liftedScope = this.scopeOf(plan);
          let at = 0;
          const orders = r.value.order.map((o) =>
            this.sortKey(o, () => this.exprs.resolve(lifted.expressions[at++] as Expression, liftedScope)),
          );
          const sorted: LogicalPlan = { kind: "sort", child: plan, orders, global: r.value.isGlobal ?? true };
          return { kind: "project", child: sorted, exprs: [...lifted.output] };
        }
        const child = input;
        const scope = this.scopeOf(child);
        const resolveKey = (e: Expression): Expr => {
          try {
            return this.exprs.resolve(e, scope);
          } catch (error) {
            const missing =
              child.kind === "project" && error instanceof AnalysisException
                ? this.tryResolve(() => this.exprs.resolve(e, this.scopeOf(child.child)))
                : undefined;
            if (missing === undefined) throw error;
            return missing;
          }
        };
        const all = orderByAllKey(r.value.order, outputOf(child));
        const orders =
          all === undefined
            ? r.value.order.map((o) => this.sortKey(o, resolveKey))
            : outputOf(child).map((column) => this.sortKey(all, () => column));
        const global = r.value.isGlobal ?? true;
        return sortOnPulledOutKeys(this, child, orders, global) ?? this.sortWithMissingColumns(child, orders, global);
      }
      case "limit":
        return { kind: "limit", child: this.input(r.value, "limit"), limit: r.value.limit };
      case "offset":
        return { kind: "offset", child: this.input(r.value, "offset"), offset: r.value.offset };
      case "tail":
        return { kind: "tail", child: this.input(r.value, "tail"), limit: r.value.limit };
      case "join": {
        if (!r.value.left || !r.value.right) throw new AnalysisException("join needs two inputs.");
        const joinType = JOIN_TYPES[r.value.joinType];
        if (joinType === undefined) throw notSupportedLocally(`join type ${r.value.joinType}`);
        return analyzeJoin(
          this,
          this.analyze(r.value.left),
          this.analyze(r.value.right),
          joinType,
          r.value.joinCondition,
          r.value.usingColumns,
        );
      }
      case "setOp": {
        const {
          leftInput,
          rightInput,
          setOpType,
          isAll = false,
          byName = false,
          allowMissingColumns = false,
        } = r.value;
        if (!leftInput || !rightInput) throw new AnalysisException("A set operation needs two inputs.");
        const left = this.analyze(leftInput);
        const right = this.analyze(rightInput);
        const opName =
          setOpType === SetOperation_SetOpType.UNION
            ? "UNION"
            : setOpType === SetOperation_SetOpType.INTERSECT
              ? "INTERSECT"
              : "EXCEPT";
        const [l, rr, output] = analyzeUnion(this, opName, left, right, byName, allowMissingColumns);
        if (setOpType === SetOperation_SetOpType.UNION) {
          const union: LogicalPlan = { kind: "union", inputs: [l, rr], output };
          return isAll ? union : { kind: "deduplicate", child: union, keys: output };
        }
        return { kind: "setOp", op: opName === "INTERSECT" ? "intersect" : "except", all: isAll, left: l, right: rr };
      }
      case "deduplicate": {
        // Spark's batch checker rejects streaming-only deduplication.
        if (r.value.withinWatermark === true) {
          const msg = "dropDuplicatesWithinWatermark is not supported with batch DataFrames/DataSets";
          throw new AnalysisException(msg, { errorClass: "_LEGACY_ERROR_TEMP_3102", messageParameters: { msg } });
        }
        const child = this.input(r.value, "dropDuplicates");
        const output = outputOf(child);
        const names = r.value.columnNames;
        const keys =
          r.value.allColumnsAsKeys || names.length === 0
            ? output
            : names.map((n) => {
                const found = output.find((a) => this.sameName(a.name, n));
                if (!found)
                  throw unresolvedColumn(
                    n,
                    output.map((a) => a.name),
                  );
                return found;
              });
        return { kind: "deduplicate", child, keys };
      }
      case "subqueryAlias": {
        const child = this.input(r.value, "alias");
        const qualifier = [...r.value.qualifier, r.value.alias];
        return {
          kind: "subqueryAlias",
          child,
          alias: r.value.alias,
          output: outputOf(child).map((a) => ({ ...a, qualifier })),
        };
      }
      case "sample":
        return analyzeSample(this.input(r.value, "sample"), r.value);
      case "repartition": {
        const child = this.input(r.value, "repartition");
        if (r.value.numPartitions <= 0) {
          throw sparkError(
            AnalysisException,
            "INVALID_PARAMETER_VALUE.NUM_PARTITIONS",
            "22023",
            "The number of partitions must be positive.",
          );
        }
        return {
          kind: "repartition",
          child,
          numPartitions: r.value.numPartitions,
          keys: r.value.shuffle === false ? null : [],
        };
      }
      case "repartitionByExpression": {
        const child = this.input(r.value, "repartition");
        const scope = this.scopeOf(child);
        const numPartitions = r.value.numPartitions ?? this.options.shufflePartitions;
        const exprs = r.value.partitionExprs;
        if (exprs.some((e) => e.exprType.case === "sortOrder")) {
          // repartitionByRange: plain columns among the keys sort ascending, nulls first (as PySpark sends them).
          const ranges = exprs.map((e) =>
            e.exprType.case === "sortOrder"
              ? this.sortKey(e.exprType.value, (x) => this.exprs.resolve(x, scope))
              : { expr: this.exprs.resolve(e, scope), ascending: true, nullsFirst: true },
          );
          return { kind: "repartition", child, numPartitions, keys: [], ranges };
        }
        const keys = exprs.map((e) => this.exprs.resolve(e, scope));
        return { kind: "repartition", child, numPartitions, keys };
      }
      case "toSchema":
        return analyzeToSchema(this, this.input(r.value, "to"), r.value.schema);
      case "transpose":
        return analyzeTranspose(this, this.input(r.value, "transpose"), r.value.indexColumns);
      case "collectMetrics": {
        const { name, metrics } = r.value;
        const child = this.input(r.value, "observe");
        return analyzeCollectMetrics(this, child, name, metrics, relation.common?.planId);
      }
      case "unpivot":
        return analyzeUnpivot(this, this.input(r.value, "unpivot"), r.value);
      case "read":
        return analyzeRead(this, r.value);
      case "catalog": {
        // The DataFrame spark.catalog.createTable returns is its creating relation; read again, it is the table.
        const op = r.value.catType;
        if (op.case !== "createTable") throw notSupportedLocally(`reading the result of catalog.${op.case}`);
        const read = create(ReadSchema, {
          readType: { case: "namedTable", value: { unparsedIdentifier: op.value.tableName, options: {} } },
        });
        return analyzeRead(this, read);
      }
      case "unresolvedTableValuedFunction":
        if (isGeneratorName(r.value.functionName))
          return generatorTable(this, r.value.functionName, r.value.arguments, this.oneRow());
        return analyzeTableFunction(this, r.value.functionName, r.value.arguments);
      case "lateralJoin": {
        const { left, right, joinType, joinCondition } = r.value;
        if (!left || !right) throw new AnalysisException("A lateral join needs two inputs.");
        const outer = joinType === Join_JoinType.LEFT_OUTER;
        if (!outer && joinType !== Join_JoinType.INNER && joinType !== Join_JoinType.UNSPECIFIED)
          throw notSupportedLocally(`lateral joins of type ${Join_JoinType[joinType]}`);
        return lateralGenerate(this, this.analyze(left), right, outer, joinCondition !== undefined);
      }
      case "dropNa":
        return naDrop(this, this.input(r.value, "na.drop"), r.value.cols, r.value.minNonNulls);
      case "fillNa":
        return naFill(this, this.input(r.value, "na.fill"), r.value.cols, r.value.values);
      case "replace":
        return naReplace(this, this.input(r.value, "na.replace"), r.value.cols, r.value.replacements);
      case "corr":
        return analyzeCorr(this, r.value);
      case "cov":
        return analyzeCov(this, r.value);
      case "crosstab":
        return analyzeCrosstab(this, r.value);
      case "approxQuantile":
        return analyzeApproxQuantile(this, r.value);
      case "summary":
        return analyzeSummary(this, r.value);
      case "freqItems":
        return analyzeFreqItems(this, r.value);
      case "sampleBy":
        return analyzeSampleBy(this, this.input(r.value, "sampleBy"), r.value);
      case "describe":
        return analyzeDescribe(this, r.value);
      case "hint":
        return this.input(r.value, "hint");
      // A watermark means nothing to a batch query: Spark's analyzer drops it unchecked, column and all.
      case "withWatermark":
        return this.input(r.value, "withWatermark");
      case "sql": {
        if (this.options.parseSql === undefined) throw notSupportedLocally("SQL queries");
        return this.analyze(this.options.parseSql(r.value.query, sqlParametersOf(r.value)));
      }
      case "withRelations": {
        // spark.sql(text, kwargs) sends the kwargs' DataFrames as named references of the SQL relation.
        const { root, references } = r.value;
        // Otherwise the references are subquery plans (df.scalar(), df.exists()).
        if (root !== undefined && root.relType.case !== "sql")
          return analyzeWithSubqueries(this, root, references, this.subqueryPlans);
        if (this.options.parseSql === undefined) throw notSupportedLocally("SQL queries");
        if (root?.relType.case !== "sql" || references.some((ref) => ref.relType.case !== "subqueryAlias"))
          throw notSupportedLocally("WithRelations other than a SQL query over named DataFrames");
        const views = new Map<string, Relation>();
        for (const ref of references) {
          if (ref.relType.case !== "subqueryAlias" || ref.relType.value.input === undefined) continue;
          views.set(ref.relType.value.alias, ref.relType.value.input);
        }
        const parameters = { ...sqlParametersOf(root.relType.value), views };
        return this.analyze(this.options.parseSql(root.relType.value.query, parameters));
      }
      case "extension": {
        if (r.value.typeUrl === IMPLICIT_GROUPING_PIVOT) {
          const aggregate = fromBinary(AggregateSchema, r.value.value);
          return analyzePivot(this, this.input(aggregate, "pivot"), aggregate, { implicitGrouping: true });
        }
        if (r.value.typeUrl === IMPLICIT_IDS_UNPIVOT) {
          const unpivot = fromBinary(UnpivotSchema, r.value.value);
          return analyzeUnpivot(this, this.input(unpivot, "unpivot"), unpivot, { implicitIds: true });
        }
        throw notSupportedLocally(`the extension ${r.value.typeUrl}`);
      }
      default:
        throw notSupportedLocally(`the ${r.case ?? "empty"} relation`);
    }
  }

  /** One sort key of a sort or a range repartitioning. */
  private sortKey(o: Expression_SortOrder, resolve: (e: Expression) => Expr): SortKey {
    if (!o.child) throw new AnalysisException("A sort order without an expression.");
    const ascending = o.direction !== Expression_SortOrder_SortDirection.DESCENDING;
    // Spark's Connect planner reads an unspecified null ordering as NULLS LAST, whatever the direction
    // (PySpark always sends it explicitly: FIRST for ascending, LAST for descending).
    const nullsFirst = o.nullOrdering === Expression_SortOrder_NullOrdering.SORT_NULLS_FIRST;
    return { expr: resolve(o.child), ascending, nullsFirst };
  }

  /**
   * Sorting by columns a projection dropped (`df.select("name").orderBy("id")`) works in Spark: the projection
   * carries the extra columns through the sort and a final projection removes them again.
   */
  private sortWithMissingColumns(child: LogicalPlan, orders: readonly SortKey[], global: boolean): LogicalPlan {
    const available = new Set(outputOf(child).map((a) => a.exprId));
    const missing = new Map<number, AttributeRef>();
    for (const o of orders) {
      for (const id of collectAttributes(o.expr)) {
        if (available.has(id) || child.kind !== "project") continue;
        const attr = outputOf(child.child).find((a) => a.exprId === id);
        if (attr) missing.set(id, attr);
      }
    }
    if (missing.size === 0 || child.kind !== "project") return { kind: "sort", child, orders, global };
    const widened: LogicalPlan = { ...child, exprs: [...child.exprs, ...missing.values()] };
    const sorted: LogicalPlan = { kind: "sort", child: widened, orders, global };
    return { kind: "project", child: sorted, exprs: [...outputOf(child)] };
  }

  sameName(a: string, b: string): boolean {
    return this.options.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
  }

  tryResolve(f: () => Expr): Expr | undefined {
    try {
      return f();
    } catch (error) {
      if (error instanceof AnalysisException) return undefined;
      throw error;
    }
  }

  /** A single row with no columns: the input of `SELECT 1` and a projection without an input. */
  private oneRow(): LogicalPlan {
    return { kind: "localRelation", batch: { columns: [], numRows: 1 }, output: [] };
  }

  /** Builds an Aggregate and checks every plain column in the result is grouped (MISSING_AGGREGATION). */
  aggregate(child: LogicalPlan, groupingExprs: readonly NamedExpr[], aggregates: readonly NamedExpr[]): LogicalPlan {
    const grouped = new Set<number>();
    for (const g of groupingExprs) {
      grouped.add(g.exprId);
      if (g.kind === "alias") for (const id of collectAttributes(g.child)) grouped.add(id);
    }
    const groupingDisplays = new Set(groupingExprs.map((g) => displayOf(g.kind === "alias" ? g.child : g)));
    for (const a of aggregates) {
      const outside = (e: Expr): void => {
        if (e.kind === "aggregate") return;
        if (e.kind === "attr" && !grouped.has(e.exprId)) {
          throw sparkError(
            AnalysisException,
            "MISSING_AGGREGATION",
            "42803",
            `${e.name} is neither grouped nor aggregated.`,
            {
              expression: `"${e.name}"`,
              expressionAnyValue: `"any_value(${e.name})"`,
            },
          );
        }
        if (e.kind !== "attr" && groupingDisplays.has(displayOf(e))) return;
        for (const c of children(e)) outside(c);
      };
      outside(a.kind === "alias" ? a.child : a);
    }
    return { kind: "aggregate", child, groupings: groupingExprs, aggregates };
  }
}

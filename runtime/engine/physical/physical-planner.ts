/**
 * Logical → physical: picks operators (hash aggregate in partial/final halves, shuffled hash join, nested loop
 * join), binds expressions to input positions and inserts exchanges only where the child's distribution does
 * not already satisfy the operator's requirement.
 */

import { type Batch, sliceBatch } from "../columnar/column-vector.js";
import { DIRECT_PARTITION_ID } from "../functions/direct-partition-id.js";
import { displayOf } from "../logical/expression-display.js";
import {
  type AggregateCall,
  type AttributeRef,
  collectAttributes,
  type Expr,
  type NamedExpr,
  transformUp,
} from "../logical/expressions.js";
import { type JoinType, type LogicalPlan, outputOf, toAttribute } from "../logical/logical-plan.js";
import { mapWindowFunction } from "../logical/window-functions.js";
import * as T from "../types/data-types.js";
import { stateTypes } from "./aggregate-states.js";
import { bind, distributionOf, satisfies } from "./binding.js";
import { DEFAULT_OPEN_COST_IN_BYTES, packFiles } from "./file-partitions.js";
import { type AggregateSpec, numPartitions, type Partitioning, type PhysicalPlan } from "./physical-plan.js";
import { estimatedBytes } from "./size-estimate.js";

export interface PlannerOptions {
  readonly defaultParallelism: number;
  readonly shufflePartitions: number;
  /** `spark.sql.autoBroadcastJoinThreshold` in bytes: join sides estimated at most this big are broadcast; -1 never. */
  readonly broadcastThreshold?: number | undefined;
  /** `spark.sql.files.maxPartitionBytes`: the most bytes of files one scan partition packs together. */
  readonly maxPartitionBytes?: number | undefined;
}

const DEFAULT_MAX_PARTITION_BYTES = 128 * 1024 * 1024;

export class PhysicalPlanner {
  private nextId = -1;
  private metricsIds = 0;
  constructor(private readonly options: PlannerOptions) {}

  /** Synthetic attributes for intermediate columns (negative ids never clash with the analyzer's). */
  private synthetic(name: string, type: T.DataType, nullable = true): AttributeRef {
    return { kind: "attr", exprId: this.nextId--, name, type, nullable, qualifier: [] };
  }

  plan(logical: LogicalPlan): PhysicalPlan {
    switch (logical.kind) {
      case "range": {
        const { start, end, step, numPartitions, output } = logical;
        return { kind: "range", start, end, step, numSlices: Math.max(1, numPartitions), output };
      }
      case "localRelation":
        return {
          kind: "localScan",
          partitions: logical.splits && logical.splits.length > 0 ? logical.splits : this.split(logical.batch),
          output: logical.output,
        };
      case "fileScan":
        return {
          kind: "fileScan",
          source: logical.source,
          columns: logical.columns,
          filePartitions: packFiles(logical.source.files, {
            maxPartitionBytes: this.options.maxPartitionBytes ?? DEFAULT_MAX_PARTITION_BYTES,
            openCostInBytes: DEFAULT_OPEN_COST_IN_BYTES,
            minPartitions: this.options.defaultParallelism,
          }),
          output: logical.output,
        };
      case "project": {
        const child = this.plan(logical.child);
        return {
          kind: "project",
          child,
          exprs: logical.exprs.map((e) => bind(e, child.output)),
          output: logical.exprs.map(toAttribute),
        };
      }
      case "filter": {
        const child = this.plan(logical.child);
        return { kind: "filter", child, condition: bind(logical.condition, child.output), output: child.output };
      }
      case "subqueryAlias": {
        const child = this.plan(logical.child);
        return { ...child, output: logical.output } as PhysicalPlan;
      }
      case "sort": {
        const child = this.plan(logical.child);
        const orders = logical.orders.map((o) => ({ ...o, expr: bind(o.expr, child.output) }));
        const n = this.options.shufflePartitions;
        const ranged: Partitioning = n === 1 ? { kind: "single" } : { kind: "range", orders, numPartitions: n };
        const input = !logical.global || numPartitions(child) === 1 ? child : this.exchange(child, ranged);
        return { kind: "sort", child: input, orders, output: child.output };
      }
      case "limit": {
        const child = this.plan(logical.child);
        const local: PhysicalPlan = { kind: "limit", child, limit: logical.limit, output: child.output };
        if (numPartitions(child) === 1) return local;
        return {
          kind: "limit",
          child: this.exchange(local, { kind: "single" }),
          limit: logical.limit,
          output: child.output,
        };
      }
      case "offset": {
        const child = this.plan(logical.child);
        return { kind: "offset", child: this.toSingle(child), offset: logical.offset, output: child.output };
      }
      case "tail": {
        const child = this.plan(logical.child);
        return { kind: "tail", child: this.toSingle(child), limit: logical.limit, output: child.output };
      }
      case "union": {
        const inputs = logical.inputs.map((i) => this.plan(i));
        return { kind: "union", inputs, output: logical.output };
      }
      case "deduplicate": {
        const child = this.plan(logical.child);
        const keyIds = logical.keys.map((k) => k.exprId);
        const input = this.clustered(child, keyIds);
        const positions = keyIds.map((id) => input.output.findIndex((a) => a.exprId === id));
        return { kind: "deduplicate", child: input, keys: positions, output: child.output };
      }
      case "setOp": {
        const left = this.plan(logical.left);
        const right = this.plan(logical.right);
        const l = this.clustered(
          left,
          left.output.map((a) => a.exprId),
        );
        const r = this.clustered(
          right,
          right.output.map((a) => a.exprId),
        );
        return { kind: "setOp", op: logical.op, all: logical.all, left: l, right: r, output: left.output };
      }
      case "sample": {
        const planned = this.plan(logical.child);
        const { lowerBound, upperBound, withReplacement, seed, stratified } = logical;
        if (stratified !== undefined) {
          // Spark draws over local data as one stream (its optimizer evaluates the filter on the driver).
          const child = stratified.singleStream ? this.toSingle(planned) : planned;
          const fraction = bind(stratified.fraction, child.output);
          return {
            kind: "sample",
            child,
            lowerBound,
            upperBound,
            withReplacement,
            seed,
            stratified: { fraction },
            output: child.output,
          };
        }
        const child = planned;
        return { kind: "sample", child, lowerBound, upperBound, withReplacement, seed, output: child.output };
      }
      case "repartition": {
        const child = this.plan(logical.child);
        const n = logical.numPartitions ?? this.options.shufflePartitions;
        if (logical.keys === null) return { kind: "coalesce", child, numPartitions: n, output: child.output };
        if (logical.ranges !== undefined) {
          const orders = logical.ranges.map((o) => ({ ...o, expr: bind(o.expr, child.output) }));
          return this.exchange(child, n === 1 ? { kind: "single" } : { kind: "range", orders, numPartitions: n });
        }
        if (logical.keys.length === 0) return this.exchange(child, { kind: "roundRobin", numPartitions: n });
        const [first] = logical.keys;
        if (first?.kind === "call" && first.name === DIRECT_PARTITION_ID) {
          return this.exchange(child, { kind: "direct", key: bind(first, child.output), numPartitions: n });
        }
        return this.exchange(child, {
          kind: "hash",
          keys: logical.keys.map((k) => bind(k, child.output)),
          numPartitions: n,
        });
      }
      case "aggregate":
        return this.aggregate(logical.child, logical.groupings, logical.aggregates);
      case "collectMetrics":
        return this.collectMetrics(logical);
      case "join":
        return this.join(logical);
      case "window":
        return this.window(logical);
      case "expand": {
        const child = this.plan(logical.child);
        const projections = logical.projections.map((row) => row.map((e) => bind(e, child.output)));
        return { kind: "expand", child, projections, output: logical.output };
      }
      case "generate": {
        const child = this.plan(logical.child);
        const args = logical.generator.args.map((e) => bind(e, child.output));
        const output = [...child.output, ...logical.generatorOutput];
        return { kind: "generate", child, generator: { ...logical.generator, args }, output };
      }
    }
  }

  /**
   * Rows of a window partition meet in one task (hash exchange on the partition keys, or a single partition
   * when there are none), sorted by partition keys then order keys, before the window operator runs.
   */
  private window(logical: Extract<LogicalPlan, { kind: "window" }>): PhysicalPlan {
    const child = this.plan(logical.child);
    const partitionBy = logical.partitionBy.map((e) => bind(e, child.output));
    const orderBy = logical.orderBy.map((o) => ({ ...o, expr: bind(o.expr, child.output) }));
    const n = this.options.shufflePartitions;
    const input =
      partitionBy.length === 0
        ? this.toSingle(child)
        : this.exchange(child, { kind: "hash", keys: partitionBy, numPartitions: n });
    const orders = [...partitionBy.map((expr) => ({ expr, ascending: true, nullsFirst: true })), ...orderBy];
    const sorted: PhysicalPlan = { kind: "sort", child: input, orders, output: child.output };
    const columns = logical.columns.map((c) => ({
      ...c,
      fn: mapWindowFunction(c.fn, (e) => bind(e, child.output)),
    }));
    return {
      kind: "window",
      child: sorted,
      partitionBy,
      orderBy,
      columns,
      output: [...child.output, ...logical.columns.map((c) => c.attr)],
    };
  }

  /** LocalRelation rows spread over the default parallelism, so even small inputs exercise partitioning. */
  private split(batch: Batch): Batch[] {
    const n = Math.max(1, Math.min(this.options.defaultParallelism, batch.numRows));
    const parts: Batch[] = [];
    for (let i = 0; i < n; i++) {
      parts.push(sliceBatch(batch, Math.floor((i * batch.numRows) / n), Math.floor(((i + 1) * batch.numRows) / n)));
    }
    return batch.columns.length === 0 ? [batch] : parts;
  }

  private exchange(child: PhysicalPlan, partitioning: Partitioning): PhysicalPlan {
    return { kind: "exchange", child, partitioning, output: child.output };
  }

  private toSingle(child: PhysicalPlan): PhysicalPlan {
    const d = distributionOf(child);
    if (d.kind === "single" || numPartitions(child) === 1) return child;
    return this.exchange(child, { kind: "single" });
  }

  /** Ensures rows with equal key values share a partition, shuffling only when needed. */
  private clustered(child: PhysicalPlan, keyIds: readonly number[], n = this.options.shufflePartitions): PhysicalPlan {
    if (keyIds.length === 0) return this.toSingle(child);
    if (satisfies(distributionOf(child), keyIds, n)) return child;
    const keys = keyIds.map((id) => bind(child.output.find((a) => a.exprId === id) as AttributeRef, child.output));
    return this.exchange(child, { kind: "hash", keys, numPartitions: n });
  }

  private aggregate(
    logicalChild: LogicalPlan,
    groupings: readonly NamedExpr[],
    aggregates: readonly NamedExpr[],
  ): PhysicalPlan {
    const child = this.plan(logicalChild);
    const { calls, rewritten } = aggregateCalls(aggregates);
    const keyAttrs = groupings.map(toAttribute);
    const specs = (input: readonly AttributeRef[]) => aggregateSpecs(calls, input);
    const resultAttrs = calls.map((c, i) => this.synthetic(`${c.display}#agg${i}`, c.type, c.nullable));
    const groupIds = keyAttrs.map((a) => a.exprId);
    let aggregated: PhysicalPlan;
    if (calls.some((c) => c.distinct)) {
      const keyed = this.withKeys(child, groupings);
      const input = this.clustered(keyed, groupIds);
      aggregated = {
        kind: "hashAggregate",
        mode: "complete",
        child: input,
        keys: keyAttrs.map((k) => bind(k, input.output)),
        aggregates: specs(input.output),
        output: [...keyAttrs, ...resultAttrs],
      };
    } else {
      const keyed = this.withKeys(child, groupings);
      const partialSpecs = specs(keyed.output);
      const stateAttrs = partialSpecs.flatMap((s, i) =>
        stateTypes(s).map((t, j) => this.synthetic(`state${i}_${j}`, t)),
      );
      const partialKeys = keyAttrs.map((k) => bind(k, keyed.output));
      const alreadyClustered =
        groupIds.length > 0 && satisfies(distributionOf(keyed), groupIds, this.options.shufflePartitions);
      if (alreadyClustered || numPartitions(keyed) === 1) {
        aggregated = {
          kind: "hashAggregate",
          mode: "complete",
          child: keyed,
          keys: partialKeys,
          aggregates: partialSpecs,
          output: [...keyAttrs, ...resultAttrs],
        };
      } else {
        const partial: PhysicalPlan = {
          kind: "hashAggregate",
          mode: "partial",
          child: keyed,
          keys: partialKeys,
          aggregates: partialSpecs,
          output: [...keyAttrs, ...stateAttrs],
        };
        const shuffled = this.clustered(partial, groupIds);
        aggregated = {
          kind: "hashAggregate",
          mode: "final",
          child: shuffled,
          keys: keyAttrs.map((k) => bind(k, shuffled.output)),
          aggregates: partialSpecs,
          output: [...keyAttrs, ...resultAttrs],
        };
      }
    }
    const exprs = rewritten.map((a) => bindToResults(a, resultAttrs, aggregated.output));
    return { kind: "project", child: aggregated, exprs, output: aggregates.map(toAttribute) };
  }

  /** df.observe: the metrics' aggregate calls folded per task into partial states, merged on the driver. */
  private collectMetrics(logical: Extract<LogicalPlan, { kind: "collectMetrics" }>): PhysicalPlan {
    const child = this.plan(logical.child);
    const { calls, rewritten } = aggregateCalls(logical.metrics);
    const resultAttrs = calls.map((c, i) => this.synthetic(`${c.display}#agg${i}`, c.type, c.nullable));
    return {
      kind: "collectMetrics",
      child,
      metricsId: this.metricsIds++,
      name: logical.name,
      observedPlanId: logical.observedPlanId,
      partial: aggregateSpecs(calls, child.output),
      metrics: rewritten.map((m) => bindToResults(m, resultAttrs, resultAttrs)),
      metricNames: logical.metrics.map((m) => m.name),
      output: child.output,
    };
  }

  /** Computes non-attribute grouping expressions up front so the aggregate groups by plain columns. */
  private withKeys(child: PhysicalPlan, groupings: readonly NamedExpr[]): PhysicalPlan {
    if (groupings.every((g) => g.kind === "attr")) return child;
    const extra = groupings.filter((g) => g.kind === "alias");
    return {
      kind: "project",
      child,
      exprs: [...child.output, ...extra].map((e) => bind(e, child.output)),
      output: [...child.output, ...extra.map(toAttribute)],
    };
  }

  private join(logical: Extract<LogicalPlan, { kind: "join" }>): PhysicalPlan {
    const left = this.plan(logical.left);
    const right = this.plan(logical.right);
    const leftIds = new Set(outputOf(logical.left).map((a) => a.exprId));
    const rightIds = new Set(outputOf(logical.right).map((a) => a.exprId));
    const leftKeys: Expr[] = [];
    const rightKeys: Expr[] = [];
    const residual: Expr[] = [];
    for (const conjunct of splitConjuncts(logical.condition)) {
      if (conjunct.kind === "call" && conjunct.name === "equal") {
        const [a, b] = conjunct.args as [Expr, Expr];
        const sideOf = (e: Expr) => {
          const ids = [...collectAttributes(e)];
          if (ids.length === 0) return "none";
          if (ids.every((id) => leftIds.has(id))) return "left";
          if (ids.every((id) => rightIds.has(id))) return "right";
          return "both";
        };
        const sa = sideOf(a);
        const sb = sideOf(b);
        if (sa === "left" && sb === "right") {
          leftKeys.push(a);
          rightKeys.push(b);
          continue;
        }
        if (sa === "right" && sb === "left") {
          leftKeys.push(b);
          rightKeys.push(a);
          continue;
        }
      }
      residual.push(conjunct);
    }
    const condition =
      residual.length === 0
        ? null
        : residual.reduce((acc, next) => ({
            kind: "call",
            name: "and",
            args: [acc, next],
            type: T.BOOLEAN,
            nullable: true,
            display: "",
            ansi: true,
          }));
    const boundCondition = condition === null ? null : bind(condition, [...left.output, ...right.output]);
    if (leftKeys.length > 0) {
      const build = this.broadcastSide(logical.joinType, left, right);
      if (build === "right") return this.broadcastJoin(logical, left, right, leftKeys, rightKeys, condition);
      if (build === "left") return this.broadcastLeftJoin(logical, left, right, leftKeys, rightKeys, condition);
      const l = this.keyedSide(left, leftKeys);
      const r = this.keyedSide(right, rightKeys);
      const semi = logical.joinType === "left_semi" || logical.joinType === "left_anti";
      const joinedOutput = semi ? l.plan.output : [...l.plan.output, ...r.plan.output];
      const join: PhysicalPlan = {
        kind: "hashJoin",
        left: l.plan,
        right: r.plan,
        joinType: logical.joinType,
        leftKeys: l.keys,
        rightKeys: r.keys,
        condition: condition === null ? null : bind(condition, [...l.plan.output, ...r.plan.output]),
        output: joinedOutput,
        broadcast: false,
      };
      return this.joinOutput(join, logical.output);
    }
    const broadcastable = ["inner", "cross", "left_outer", "left_semi", "left_anti"].includes(logical.joinType);
    const l = broadcastable ? left : this.toSingle(left);
    const r = this.exchange(right, broadcastable ? { kind: "broadcast" } : { kind: "single" });
    return {
      kind: "nestedLoopJoin",
      left: l,
      right: r,
      joinType: logical.joinType,
      condition: boundCondition,
      output: logical.output,
    };
  }

  /**
   * Which side of an equi-join to broadcast, as Spark's JoinSelection picks it without hints: a side whose
   * estimated size is within `spark.sql.autoBroadcastJoinThreshold` and that the join type lets be the build
   * side (the right one for inner, left outer, semi and anti joins; the left one for inner and right outer),
   * the smaller when both qualify. Null: shuffle both sides.
   */
  private broadcastSide(joinType: JoinType, left: PhysicalPlan, right: PhysicalPlan): "left" | "right" | null {
    const threshold = this.options.broadcastThreshold ?? -1;
    if (threshold < 0) return null;
    const buildRight = ["inner", "cross", "left_outer", "left_semi", "left_anti"].includes(joinType);
    const buildLeft = ["inner", "cross", "right_outer"].includes(joinType);
    const rightBytes = buildRight ? estimatedBytes(right) : Number.POSITIVE_INFINITY;
    const leftBytes = buildLeft ? estimatedBytes(left) : Number.POSITIVE_INFINITY;
    if (rightBytes <= threshold && rightBytes <= leftBytes) return "right";
    if (leftBytes <= threshold) return "left";
    return null;
  }

  /** An equi-join whose right side is broadcast to every partition of the left side, which stays where it is. */
  private broadcastJoin(
    logical: Extract<LogicalPlan, { kind: "join" }>,
    left: PhysicalPlan,
    right: PhysicalPlan,
    leftKeys: readonly Expr[],
    rightKeys: readonly Expr[],
    condition: Expr | null,
  ): PhysicalPlan {
    const l = this.withJoinKeys(left, leftKeys);
    const r = this.withJoinKeys(right, rightKeys);
    const built = this.exchange(r.plan, { kind: "broadcast" });
    const probeKeys = boundKeys(l.plan, l.keyIds);
    const buildKeys = boundKeys(built, r.keyIds);
    const semi = logical.joinType === "left_semi" || logical.joinType === "left_anti";
    const joinedOutput = semi ? l.plan.output : [...l.plan.output, ...built.output];
    const join: PhysicalPlan = {
      kind: "hashJoin",
      left: l.plan,
      right: built,
      joinType: logical.joinType,
      leftKeys: probeKeys,
      rightKeys: buildKeys,
      condition: condition === null ? null : bind(condition, [...l.plan.output, ...built.output]),
      output: joinedOutput,
      broadcast: true,
    };
    return this.joinOutput(join, logical.output);
  }

  /**
   * The left side is the small one: the join runs with its sides swapped (the hash kernel builds on the right),
   * a right outer join becoming a left outer one, and the columns are put back in the logical order.
   */
  private broadcastLeftJoin(
    logical: Extract<LogicalPlan, { kind: "join" }>,
    left: PhysicalPlan,
    right: PhysicalPlan,
    leftKeys: readonly Expr[],
    rightKeys: readonly Expr[],
    condition: Expr | null,
  ): PhysicalPlan {
    const joinType: JoinType = logical.joinType === "right_outer" ? "left_outer" : logical.joinType;
    return this.broadcastJoin({ ...logical, joinType }, right, left, rightKeys, leftKeys, condition);
  }

  /** A join's output narrowed or reordered to the logical join's columns (join keys computed up front dropped). */
  private joinOutput(join: PhysicalPlan, output: readonly AttributeRef[]): PhysicalPlan {
    const same = join.output.length === output.length && join.output.every((a, i) => a.exprId === output[i]?.exprId);
    if (same) return { ...join, output } as PhysicalPlan;
    return { kind: "project", child: join, exprs: output.map((a) => bind(a, join.output)), output };
  }

  /** Makes a join side's keys plain columns, computing those that are expressions; returns their ids. */
  private withJoinKeys(side: PhysicalPlan, keys: readonly Expr[]): { plan: PhysicalPlan; keyIds: number[] } {
    const extra: { expr: Expr; attr: AttributeRef }[] = [];
    const keyIds = keys.map((key) => {
      if (key.kind === "attr") return key.exprId;
      const attr = this.synthetic("joinKey", key.type, key.nullable);
      extra.push({ expr: key, attr });
      return attr.exprId;
    });
    if (extra.length === 0) return { plan: side, keyIds };
    const plan: PhysicalPlan = {
      kind: "project",
      child: side,
      exprs: [...side.output.map((a) => bind(a, side.output)), ...extra.map((x) => bind(x.expr, side.output))],
      output: [...side.output, ...extra.map((x) => x.attr)],
    };
    return { plan, keyIds };
  }

  /** Makes a join side's keys plain columns and hash-partitions on them. */
  private keyedSide(side: PhysicalPlan, keys: readonly Expr[]): { plan: PhysicalPlan; keys: Expr[] } {
    const keyed = this.withJoinKeys(side, keys);
    const plan = this.clustered(keyed.plan, keyed.keyIds);
    return { plan, keys: boundKeys(plan, keyed.keyIds) };
  }
}

/** Key columns by id, bound to a plan's output. */
function boundKeys(plan: PhysicalPlan, keyIds: readonly number[]): Expr[] {
  return keyIds.map((id) => bind(plan.output.find((a) => a.exprId === id) as AttributeRef, plan.output));
}

function splitConjuncts(condition: Expr | null): Expr[] {
  if (condition === null) return [];
  if (condition.kind === "call" && condition.name === "and") return condition.args.flatMap((a) => splitConjuncts(a));
  return [condition];
}

/** An aggregate call numbered by the slot of the (deduplicated) call list it computes. */
type SlottedCall = AggregateCall & { readonly slot: number };

/**
 * The distinct aggregate calls of some output expressions, and those expressions with each call numbered by its
 * slot in the list.
 */
function aggregateCalls(outputs: readonly NamedExpr[]): { calls: AggregateCall[]; rewritten: NamedExpr[] } {
  const calls: AggregateCall[] = [];
  const slotOf = (call: AggregateCall): number => {
    // The name can hide an argument (first(s) and first(s, true) both show as `first(s)`), so the arguments'
    // own forms are compared too.
    const sameArgs = (c: AggregateCall) =>
      c.args.length === call.args.length && c.args.every((a, k) => displayOf(a) === displayOf(call.args[k] as Expr));
    const at = calls.findIndex(
      (c) => c.display === call.display && c.distinct === call.distinct && T.sameType(c.type, call.type) && sameArgs(c),
    );
    if (at >= 0) return at;
    calls.push(call);
    return calls.length - 1;
  };
  const rewritten = outputs.map(
    (a) => transformUp(a, (e) => (e.kind === "aggregate" ? ({ ...e, slot: slotOf(e) } as Expr) : e)) as NamedExpr,
  );
  return { calls, rewritten };
}

function aggregateSpecs(calls: readonly AggregateCall[], input: readonly AttributeRef[]): AggregateSpec[] {
  return calls.map((c) => ({
    name: c.name,
    distinct: c.distinct,
    args: c.args.map((a) => bind(a, input)),
    inputType: c.args[0]?.type ?? T.NULL,
    resultType: c.type,
    ansi: c.ansi,
  }));
}

/** An output expression with each aggregate call replaced by its result column, bound to `input`. */
function bindToResults(output: NamedExpr, resultAttrs: readonly AttributeRef[], input: readonly AttributeRef[]): Expr {
  return bind(
    transformUp(output, (e) => (e.kind === "aggregate" ? (resultAttrs[(e as SlottedCall).slot] as AttributeRef) : e)),
    input,
  );
}

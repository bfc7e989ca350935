/**
 * Text forms of the engine's plans for `df.explain()`: logical and physical trees in Spark's indented style
 * (`+- ` / `:- `), column references as `name#id`, and the stage DAG the scheduler will run.
 */
import { displayOf } from "../logical/expression-display.js";
import type { AttributeRef, Expr, SortKey } from "../logical/expressions.js";
import type { Generator } from "../logical/generators.js";
import { childrenOf, type LogicalPlan } from "../logical/logical-plan.js";
import { type Partitioning, type PhysicalPlan, physicalChildren } from "../physical/physical-plan.js";
import type { StageGraph } from "../scheduler/stages.js";
import { simpleString } from "../types/data-types.js";

const attr = (a: AttributeRef): string => `${a.name}#${a.exprId}`;
const list = (xs: readonly string[]): string => xs.join(", ");

function exprText(e: Expr): string {
  if (e.kind === "attr") return attr(e);
  if (e.kind === "alias") return `${exprText(e.child)} AS ${e.name}#${e.exprId}`;
  return displayOf(e);
}

const sortText = (o: SortKey): string =>
  `${exprText(o.expr)} ${o.ascending ? "ASC" : "DESC"} NULLS ${o.nullsFirst ? "FIRST" : "LAST"}`;

function logicalLine(p: LogicalPlan): string {
  switch (p.kind) {
    case "range":
      return `Range (${p.start}, ${p.end}, step=${p.step}, splits=${p.numPartitions})`;
    case "localRelation":
      return `LocalRelation [${list(p.output.map(attr))}]`;
    case "fileScan":
      return `Relation [${list(p.output.map(attr))}] ${p.source.format}`;
    case "project":
      return `Project [${list(p.exprs.map(exprText))}]`;
    case "filter":
      return `Filter ${exprText(p.condition)}`;
    case "aggregate":
      return `Aggregate [${list(p.groupings.map(exprText))}], [${list(p.aggregates.map(exprText))}]`;
    case "join":
      return `Join ${p.joinType.replace("_", "")}${p.condition ? `, ${exprText(p.condition)}` : ""}`;
    case "sort":
      return `Sort [${list(p.orders.map(sortText))}], ${p.global}`;
    case "limit":
      return `GlobalLimit ${p.limit}`;
    case "offset":
      return `Offset ${p.offset}`;
    case "tail":
      return `Tail ${p.limit}`;
    case "union":
      return "Union";
    case "setOp":
      return `${p.op === "intersect" ? "Intersect" : "Except"}${p.all ? " All" : ""}`;
    case "deduplicate":
      return `Deduplicate [${list(p.keys.map(attr))}]`;
    case "sample":
      return `Sample ${p.lowerBound}, ${p.upperBound}, ${p.withReplacement}, ${p.seed}`;
    case "repartition":
      if (p.ranges !== undefined)
        return `RepartitionByExpression [${list(p.ranges.map(sortText))}], ${p.numPartitions}`;
      return p.keys === null
        ? `Repartition ${p.numPartitions}, false`
        : `RepartitionByExpression [${list(p.keys.map(exprText))}], ${p.numPartitions}`;
    case "subqueryAlias":
      return `SubqueryAlias ${p.alias}`;
    case "collectMetrics":
      return `CollectMetrics ${p.name}, [${list(p.metrics.map(exprText))}]`;
    case "window":
      return windowLine(p);
    case "expand":
      return expandLine(p);
    case "generate":
      return generateLine(p.generator, p.generatorOutput);
  }
}

function partitioningText(p: Partitioning): string {
  switch (p.kind) {
    case "hash":
      return `hashpartitioning(${list(p.keys.map(exprText))}, ${p.numPartitions})`;
    case "roundRobin":
      return `RoundRobinPartitioning(${p.numPartitions})`;
    case "direct":
      return `ShufflePartitionIdPassThrough(${exprText(p.key)}, ${p.numPartitions})`;
    case "range":
      return `rangepartitioning(${list(p.orders.map(sortText))}, ${p.numPartitions})`;
    case "single":
      return "SinglePartition";
    case "broadcast":
      return "BroadcastPartitioning";
    case "unknown":
      return `UnknownPartitioning(${p.numPartitions})`;
  }
}

function readSchemaText(p: Extract<PhysicalPlan, { kind: "fileScan" }>): string {
  const fields = p.columns.map((c) => p.source.fields[c]).filter((f) => f !== undefined);
  return `struct<${fields.map((f) => `${f.name}:${simpleString(f.type)}`).join(",")}>`;
}

function physicalLine(p: PhysicalPlan): string {
  const out = `[${list(p.output.map(attr))}]`;
  switch (p.kind) {
    case "range":
      return `Range (${p.start}, ${p.end}, step=${p.step}, splits=${p.numSlices})`;
    case "localScan":
      return `LocalTableScan ${out}`;
    case "fileScan":
      return `FileScan ${p.source.format} ${out} Files: ${p.source.files.length}, ReadSchema: ${readSchemaText(p)}`;
    case "project":
      return `Project [${list(p.exprs.map(exprText))}]`;
    case "filter":
      return `Filter ${exprText(p.condition)}`;
    case "hashAggregate":
      return `HashAggregate(mode=${p.mode}, keys=[${list(p.keys.map(exprText))}], functions=[${list(p.aggregates.map((a) => `${a.name}${a.distinct ? " distinct" : ""}`))}])`;
    case "exchange":
      return `Exchange ${partitioningText(p.partitioning)}`;
    case "shuffleRead":
      return `ShuffleRead ${p.shuffleId} ${partitioningText(p.partitioning)}`;
    case "sort":
      return `Sort [${list(p.orders.map(sortText))}]`;
    case "limit":
      return `Limit ${p.limit}`;
    case "offset":
      return `Offset ${p.offset}`;
    case "tail":
      return `CollectTail ${p.limit}`;
    case "hashJoin":
      return `${p.broadcast ? "BroadcastHashJoin" : "ShuffledHashJoin"} [${list(p.leftKeys.map(exprText))}], [${list(p.rightKeys.map(exprText))}], ${p.joinType}, BuildRight${p.condition ? `, ${exprText(p.condition)}` : ""}`;
    case "nestedLoopJoin":
      return `BroadcastNestedLoopJoin BuildRight, ${p.joinType}${p.condition ? `, ${exprText(p.condition)}` : ""}`;
    case "union":
      return "Union";
    case "coalesce":
      return `Coalesce ${p.numPartitions}`;
    case "deduplicate":
      return `Deduplicate [${list(p.keys.map(String))}]`;
    case "setOp":
      return `${p.op === "intersect" ? "Intersect" : "Except"}${p.all ? "All" : ""}`;
    case "sample":
      return `Sample ${p.lowerBound}, ${p.upperBound}, ${p.withReplacement}, ${p.seed}`;
    case "window":
      return windowLine(p);
    case "expand":
      return expandLine(p);
    case "generate":
      return generateLine(p.generator, p.output.slice(p.child.output.length));
    case "collectMetrics":
      return `CollectMetrics ${p.name}, [${list(p.metrics.map(exprText))}]`;
  }
}

function generateLine(generator: Generator, output: readonly AttributeRef[]): string {
  return `Generate ${generator.display}, ${generator.outer}, [${list(output.map(attr))}]`;
}

function windowLine(p: {
  readonly columns: readonly { readonly attr: AttributeRef }[];
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortKey[];
}): string {
  return `Window [${list(p.columns.map((c) => attr(c.attr)))}], [${list(p.partitionBy.map(exprText))}], [${list(p.orderBy.map(sortText))}]`;
}

function expandLine(p: {
  readonly projections: readonly (readonly Expr[])[];
  readonly output: readonly AttributeRef[];
}) {
  return `Expand [${list(p.projections.map((row) => `[${list(row.map(exprText))}]`))}], [${list(p.output.map(attr))}]`;
}

function tree<P>(root: P, line: (p: P) => string, kids: (p: P) => readonly P[]): string {
  const lines: string[] = [];
  const walk = (node: P, prefix: string, connector: string): void => {
    lines.push(`${prefix}${connector}${line(node)}`);
    const cs = kids(node);
    const childPrefix = prefix + (connector === "" ? "" : connector === ":- " ? ":  " : "   ");
    cs.forEach((c, i) => {
      walk(c, childPrefix, i === cs.length - 1 ? "+- " : ":- ");
    });
  };
  walk(root, "", "");
  return lines.join("\n");
}

export const logicalTreeText = (p: LogicalPlan): string => tree(p, logicalLine, childrenOf);
export const physicalTreeText = (p: PhysicalPlan): string => tree(p, physicalLine, physicalChildren);

export function stageGraphText(graph: StageGraph): string {
  return graph.ordered
    .map((s) => {
      const role = s.shuffle
        ? `ShuffleMapStage -> shuffle ${s.shuffle.shuffleId} (${partitioningText(s.shuffle.partitioning)})`
        : "ResultStage";
      const parents = s.parents.length ? ` parents=[${s.parents.map((p) => p.id).join(", ")}]` : "";
      return `Stage ${s.id}: ${role}, ${s.numTasks} task${s.numTasks === 1 ? "" : "s"}${parents}`;
    })
    .join("\n");
}

export function schemaText(output: readonly AttributeRef[]): string {
  return output.map((a) => `${a.name}: ${simpleString(a.type)}`).join(", ");
}

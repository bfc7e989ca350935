/**
 * One session's engine: analyzer → optimizer → physical planner → DAG scheduler, plus the session state they
 * share (SQL config, attribute ids, temporary views). LocalBackend translates the Connect protocol onto it.
 */
import type { Expression } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import { IdGenerator } from "./analyzer/expression-analyzer.js";
import { type CatalogRelation, RelationAnalyzer, type RelationAnalyzerOptions } from "./analyzer/relation-analyzer.js";
import type { SqlParameters } from "./analyzer/sql-parameters.js";
import type { ObservedMetricsResult } from "./backend/observed-metrics-encoder.js";
import type { Batch } from "./columnar/column-vector.js";
import { ObservedMetricsCollector } from "./execution/observed-metrics.js";
import { logicalTreeText, physicalTreeText, stageGraphText } from "./explain/plan-text.js";
import type { AttributeRef } from "./logical/expressions.js";
import { type LogicalPlan, outputOf } from "./logical/logical-plan.js";
import { optimize } from "./optimizer/optimizer.js";
import type { PhysicalPlan } from "./physical/physical-plan.js";
import { PhysicalPlanner } from "./physical/physical-planner.js";
import { DagScheduler } from "./scheduler/dag-scheduler.js";
import type { JobProgressListener } from "./scheduler/job-progress.js";
import { buildStages } from "./scheduler/stages.js";
import { InlineExecutor, type TaskExecutor } from "./scheduler/task.js";
import { WorkerPoolExecutor } from "./scheduler/worker-pool.js";
import { CheckpointedRelations } from "./session/checkpointed-relations.js";
import { SessionConfig } from "./session/session-config.js";

export interface QueryResult {
  readonly output: readonly AttributeRef[];
  /** Result batches per partition, in partition order. */
  readonly partitions: readonly (readonly Batch[])[];
  /** What the query's df.observe nodes measured. */
  readonly observedMetrics?: readonly ObservedMetricsResult[];
}

export interface EngineOptions {
  readonly master: string;
  readonly parallelism: number;
  readonly executor?: TaskExecutor;
  readonly parseSql?: (text: string, parameters?: SqlParameters) => Relation;
  readonly parseExpression?: (text: string) => Expression;
  readonly lookupView?: RelationAnalyzerOptions["lookupView"];
}

export class QueryEngine {
  readonly conf: SessionConfig;
  private readonly ids = new IdGenerator();
  /** Public for its events and counters (executor loss, recomputation, spill) and fault-injection tests. */
  readonly scheduler: DagScheduler;
  /** What checkpoint() materialised, read back by relation id. */
  readonly checkpoints = new CheckpointedRelations();

  constructor(private readonly options: EngineOptions) {
    this.conf = new SessionConfig(options.master);
    const executor =
      options.executor ??
      (options.parallelism > 1 ? new WorkerPoolExecutor(options.parallelism) : new InlineExecutor());
    this.scheduler = new DagScheduler(executor);
  }

  get parallelism(): number {
    return this.options.parallelism;
  }

  private analyzer(): RelationAnalyzer {
    return new RelationAnalyzer(this.ids, {
      ansi: this.conf.ansi,
      caseSensitive: this.conf.caseSensitive,
      defaultParallelism: this.options.parallelism,
      shufflePartitions: this.conf.shufflePartitions(this.options.parallelism),
      timeZone: this.conf.timeZone,
      ...(this.options.parseSql ? { parseSql: this.options.parseSql } : {}),
      ...(this.options.lookupView ? { lookupView: this.options.lookupView } : {}),
      lookupCheckpoint: (id: string) => this.checkpoints.get(id),
      ...(this.options.parseExpression ? { parseExpression: this.options.parseExpression } : {}),
    });
  }

  analyze(relation: Relation): LogicalPlan {
    return this.analyzer().analyze(relation);
  }

  /** Analyses what a catalog name reads, a persistent view's names resolving in its own database. */
  analyzeCatalogRelation(found: CatalogRelation): LogicalPlan {
    const analyzer = this.analyzer();
    return analyzer.withViewDatabase(found.viewDatabase, () => analyzer.analyze(found.relation));
  }

  optimize(plan: LogicalPlan): LogicalPlan {
    return optimize(plan, { timeZone: this.conf.timeZone });
  }

  physical(plan: LogicalPlan): PhysicalPlan {
    return new PhysicalPlanner({
      defaultParallelism: this.options.parallelism,
      shufflePartitions: this.conf.shufflePartitions(this.options.parallelism),
      broadcastThreshold: this.conf.broadcastThreshold,
      maxPartitionBytes: this.conf.maxPartitionBytes,
    }).plan(plan);
  }

  async execute(relation: Relation, signal?: AbortSignal, onProgress?: JobProgressListener): Promise<QueryResult> {
    const analyzed = this.analyze(relation);
    const physical = this.physical(this.optimize(analyzed));
    const observed = new ObservedMetricsCollector(physical);
    const partitions = await this.scheduler.run(physical, {
      timeZone: this.conf.timeZone,
      signal,
      onProgress,
      spill: this.conf.shuffleSpill,
      onObserved: observed.record,
    });
    if (!observed.observing) return { output: outputOf(analyzed), partitions };
    return { output: outputOf(analyzed), partitions, observedMetrics: observed.results(this.conf) };
  }

  /** `df.explain()` text: the analyzed, optimized and physical plans, and the stages the scheduler would run. */
  explain(relation: Relation, mode: "simple" | "extended" | "codegen" | "cost" | "formatted"): string {
    const analyzed = this.analyze(relation);
    const optimized = this.optimize(analyzed);
    const physical = this.physical(optimized);
    let shuffleIds = 0;
    const stages = stageGraphText(buildStages(physical, () => shuffleIds++));
    const physicalText = `== Physical Plan ==\n${physicalTreeText(physical)}\n\n== Stages ==\n${stages}\n`;
    if (mode === "simple" || mode === "formatted" || mode === "codegen") return physicalText;
    return `== Analyzed Logical Plan ==\n${logicalTreeText(analyzed)}\n\n== Optimized Logical Plan ==\n${logicalTreeText(optimized)}\n\n${physicalText}`;
  }

  close(): void {
    this.scheduler.close();
  }
}

/**
 * df.summary(...) and df.describe(...) (StatSummary, StatDescribe) as Spark 4 builds them. Every numeric or
 * string column becomes one aggregate map from statistic name to its value as a string (strings read as doubles
 * with try_cast for mean, stddev and percentiles; percentiles from percentile_approx at its default accuracy);
 * the statistic names are exploded into a `summary` column and each column looks its value up by name.
 * describe(cols) is summary("count", "mean", "stddev", "min", "max") over the selected columns.
 */
import { create } from "@bufbuild/protobuf";
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { IllegalArgumentException } from "../../errors/index.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import { type LogicalPlan, outputOf } from "../logical/logical-plan.js";
import { alias, booleanLiteral, castTo, fn, intLiteral, literal, stringLiteral } from "../sql/expression-builders.js";
import * as T from "../types/data-types.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { columnNamed, inputOf, requirementFailed, selectFrom } from "./stat-helpers.js";

const DEFAULT_STATISTICS = ["count", "mean", "stddev", "min", "25%", "50%", "75%", "max"];
const DESCRIBE_STATISTICS = ["count", "mean", "stddev", "min", "max"];
/** percentile_approx's default accuracy. */
const DEFAULT_ACCURACY = 10000;

function unrecognized(statistic: string) {
  return sparkError(
    IllegalArgumentException,
    "UNRECOGNIZED_STATISTIC",
    "42704",
    `The statistic '${statistic}' is not recognized. Valid statistics include \`count\`, \`count_distinct\`, ` +
      "`approx_count_distinct`, `mean`, `stddev`, `min`, `max`, and percentile values. Percentile must be a " +
      "numeric value followed by '%', within the range 0% to 100%.",
    { stats: statistic },
  );
}

/** Java's Double.parseDouble on decimal text (surrounding blanks, a d/f suffix, NaN and Infinity allowed). */
function javaParseDouble(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/.test(trimmed)) return undefined;
  return Number(trimmed.replace(/[fFdD]$/, ""));
}

function percentilesOf(statistics: readonly string[]): number[] {
  const percentiles = statistics
    .filter((s) => s.endsWith("%"))
    .map((s) => {
      const parsed = javaParseDouble(s.slice(0, -1));
      if (parsed === undefined) throw unrecognized(s);
      return parsed / 100;
    });
  if (!percentiles.every((p) => p >= 0 && p <= 1)) throw requirementFailed("Percentiles must be in the range [0, 1]");
  return percentiles;
}

const double = (value: number): Expression => literal({ literalType: { case: "double", value } });

/** The map `{statistic -> value as string}` of one column. */
function statisticsMap(name: string, type: T.DataType, statistics: readonly string[], percentiles: number[]) {
  const column = columnNamed(name);
  const casted = T.isString(type) ? castTo(column, T.DOUBLE, "try") : column;
  const percentilesCall =
    percentiles.length === 0
      ? undefined
      : fn("percentile_approx", [casted, fn("array", percentiles.map(double)), intLiteral(DEFAULT_ACCURACY)]);
  let percentileIndex = 0;
  const entries = statistics.flatMap((statistic) => {
    const value = ((): Expression => {
      switch (statistic.toLowerCase()) {
        case "count":
          return fn("count", [column]);
        case "count_distinct":
          return fn("count", [column], true);
        case "approx_count_distinct":
          throw notSupportedLocally("summary's approx_count_distinct statistic (HyperLogLog++)");
        case "mean":
          return fn("avg", [casted]);
        case "stddev":
          return fn("stddev", [casted]);
        case "min":
          return fn("min", [column]);
        case "max":
          return fn("max", [column]);
        default:
          if (statistic.endsWith("%") && percentilesCall !== undefined)
            return fn("element_at", [percentilesCall, intLiteral(1 + percentileIndex++)]);
          throw unrecognized(statistic);
      }
    })();
    return [stringLiteral(statistic), value].map((e) => castTo(e, T.STRING, "default"));
  });
  return alias(fn("map", entries), [name]);
}

/**
 * The `summary` column, nullable as Spark's is: Spark explodes an array literal whose elements may be NULL; the
 * engine builds the names with array(...) of non-NULL strings, so a CASE without ELSE restores the nullability.
 */
const nullableSummary = alias(fn("when", [booleanLiteral(true), columnNamed("summary")]), ["summary"]);

function summaryOf(analyzer: RelationAnalyzer, input: Relation, requested: readonly string[]): LogicalPlan {
  const statistics = requested.length > 0 ? requested : DEFAULT_STATISTICS;
  const percentiles = percentilesOf(statistics);
  const columns = outputOf(analyzer.analyze(input)).filter((a) => T.isNumeric(a.type) || T.isString(a.type));
  const names = fn("array", statistics.map(stringLiteral));
  if (columns.length === 0) {
    // Spark builds this table from the statistic names alone, whatever the input's rows.
    const exploded = create(RelationSchema, {
      relType: { case: "project", value: { expressions: [alias(fn("explode", [names]), ["summary"])] } },
    });
    return analyzer.analyze(selectFrom(exploded, [nullableSummary]));
  }
  const maps = selectFrom(
    input,
    columns.map((c) => statisticsMap(c.name, c.type, statistics, percentiles)),
  );
  const withNames = create(RelationSchema, {
    relType: {
      case: "withColumns",
      value: { input: maps, aliases: [{ expr: fn("explode", [names]), name: ["summary"] }] },
    },
  });
  return analyzer.analyze(
    selectFrom(withNames, [
      nullableSummary,
      ...columns.map((c) => alias(fn("element_at", [columnNamed(c.name), columnNamed("summary")]), [c.name])),
    ]),
  );
}

export function analyzeSummary(
  analyzer: RelationAnalyzer,
  rel: { input?: Relation | undefined; statistics: readonly string[] },
): LogicalPlan {
  return summaryOf(analyzer, inputOf(rel), rel.statistics);
}

export function analyzeDescribe(
  analyzer: RelationAnalyzer,
  rel: { input?: Relation | undefined; cols: readonly string[] },
): LogicalPlan {
  const input = inputOf(rel);
  const selected = rel.cols.length === 0 ? input : selectFrom(input, rel.cols.map(columnNamed));
  return summaryOf(analyzer, selected, DESCRIBE_STATISTICS);
}

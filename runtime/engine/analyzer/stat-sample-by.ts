/**
 * df.stat.sampleBy(col, fractions, seed) (StatSampleBy). Spark filters with a UDF comparing rand(seed) to the
 * row's stratum fraction (0 for strata not listed, NULL included); rand draws once per row from an
 * XORShiftRandom seeded with seed + partition index. The engine computes each row's fraction with a CASE on
 * the stratum (Scala's key equality: numbers by value, strings and booleans only with their own kind) and keeps
 * the row when the same generator's draw is below it. Over local data Spark's optimizer evaluates the filter on
 * the driver as a single stream, so the engine draws over such input as one partition too.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { StatSampleBy_Fraction } from "../../../generated/proto/spark/connect/relations_pb.js";
import { notSupportedLocally } from "../errors.js";
import { caseWhen } from "../functions/conditional.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import { javaDoubleString } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import type { LogicalPlan } from "../logical/logical-plan.js";
import { overLocalData } from "../optimizer/local-relation-folding.js";
import * as T from "../types/data-types.js";
import { literalFromProto } from "./literals.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { requirementFailed } from "./stat-helpers.js";
import { implicitCast } from "./type-coercion.js";

type Kind = "number" | "string" | "boolean";

function kindOf(type: T.DataType): Kind | undefined {
  if (T.isNumeric(type)) return "number";
  if (T.isString(type)) return "string";
  return type.kind.case === "boolean" ? "boolean" : undefined;
}

const double = (value: number): Literal => ({ kind: "literal", value, type: T.DOUBLE, nullable: false });

function equals(a: Expr, b: Expr): Expr {
  const found = lookupScalarFunction("==");
  if (found === undefined) throw new Error("internal: builtin == is missing");
  return found.fn.resolve([a, b], { ansi: true }, "==");
}

/** How Scala prints the fractions map in the requirement message (insertion order, as small maps keep). */
function scalaMap(strata: readonly Literal[], fractions: readonly number[]): string {
  const shown = (value: Literal): string =>
    typeof value.value === "number" && T.isFractional(value.type) ? javaDoubleString(value.value) : String(value.value);
  return `Map(${strata.map((s, i) => `${shown(s)} -> ${javaDoubleString(fractions[i] as number)}`).join(", ")})`;
}

export function analyzeSampleBy(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  rel: { col?: Expression | undefined; fractions: readonly StatSampleBy_Fraction[]; seed?: bigint | undefined },
): LogicalPlan {
  const strata = rel.fractions.map((f) =>
    f.stratum === undefined
      ? ({ kind: "literal", value: null, type: T.NULL, nullable: true } as Literal)
      : literalFromProto(f.stratum),
  );
  const fractions = rel.fractions.map((f) => f.fraction);
  if (!fractions.every((p) => p >= 0 && p <= 1)) {
    throw requirementFailed(`Fractions must be in [0, 1], but got ${scalaMap(strata, fractions)}.`);
  }
  if (rel.col === undefined) throw new Error("internal: sampleBy without a column");
  const column = analyzer.exprs.resolve(rel.col, analyzer.scopeOf(child));
  const kind = kindOf(column.type);
  if (kind === undefined) throw notSupportedLocally(`sampleBy over a ${T.simpleString(column.type)} column`);
  const key = kind === "number" ? implicitCast(column, T.DOUBLE) : column;
  // Later entries of the same stratum win, as in the map Spark builds; a NaN stratum never matches.
  const chosen = new Map<string, { stratum: Literal; fraction: number }>();
  strata.forEach((stratum, i) => {
    const value = stratum.value;
    if (value === null || kindOf(stratum.type) !== kind || Number.isNaN(value)) return;
    const id = kind === "number" ? String(Number(value)) : String(value);
    chosen.delete(id);
    chosen.set(id, { stratum, fraction: fractions[i] as number });
  });
  const branches = [...chosen.values()].map(({ stratum, fraction }) => ({
    when: equals(key, implicitCast(stratum, key.type)),
    result: double(fraction) as Expr,
  }));
  const fraction = branches.length === 0 ? double(0) : caseWhen(branches, double(0));
  return {
    kind: "sample",
    child,
    lowerBound: 0,
    upperBound: 1,
    withReplacement: false,
    seed: rel.seed ?? 0n,
    stratified: { fraction, singleStream: overLocalData(child) },
  };
}

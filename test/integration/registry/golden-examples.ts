/**
 * The builtin examples' golden frames as sparkts builds them (the same frames scripts/golden-capture.ts has
 * PySpark build; parity-tests/golden-frame.ts says how), and the goldens captured for them.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { FunctionExample } from "../../../generated/parity/function-example.js";
import { FIXTURE_SQL, frameShape, ORDERED_FRAME_COLUMN } from "../../../parity-tests/golden-frame.js";
import type { Column } from "../../../runtime/api/column.js";
import { DataFrame } from "../../../runtime/api/dataframe.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { resetLambdaVariableIds } from "../../../runtime/codegen/index.js";
import type { Golden } from "../../../scripts/golden-capture.js";

export type { Golden };

const GOLDEN_DIR = new URL("../../../parity-tests/golden/functions/", import.meta.url);

/** Every captured golden, by `<function>#<example index>` (the capture's keys). */
export function loadGoldens(): Map<string, Golden> {
  const goldens = new Map<string, Golden>();
  for (const file of readdirSync(GOLDEN_DIR).filter((name) => name.endsWith(".json"))) {
    const entries = JSON.parse(readFileSync(new URL(file, GOLDEN_DIR), "utf8")) as Record<string, Golden>;
    for (const [key, golden] of Object.entries(entries)) goldens.set(key, golden);
  }
  return goldens;
}

/** Each example with its golden key: examples are generated in registry order, so the index counts per function. */
export function keyedExamples(examples: readonly FunctionExample[]): { key: string; example: FunctionExample }[] {
  const seen = new Map<string, number>();
  return examples.map((example) => {
    const index = seen.get(example.function) ?? 0;
    seen.set(example.function, index + 1);
    return { key: `${example.function}#${index}`, example };
  });
}

/** The shared fixture as a DataFrame of `session`. */
export function fixtureFrame(session: SparkSession): Promise<DataFrame> {
  return session.sql(FIXTURE_SQL);
}

/** The example's frame over `fixture`: the DataFrame it builds, or its Column ordering or selected from the fixture. */
export function exampleFrame(session: SparkSession, fixture: DataFrame, example: FunctionExample): DataFrame {
  resetLambdaVariableIds();
  const value = example.build(session) as Column | DataFrame;
  if (value instanceof DataFrame) return value;
  return frameShape(example.category) === "orderBy"
    ? fixture.orderBy(value).select(ORDERED_FRAME_COLUMN)
    : fixture.select(value);
}

/** Keyed examples grouped by category, categories in name order (one `describe` each, so `-t` can pick one). */
export function byCategory<Keyed extends { example: FunctionExample }>(keyed: readonly Keyed[]): [string, Keyed[]][] {
  const groups = new Map<string, Keyed[]>();
  for (const item of keyed) groups.set(item.example.category, [...(groups.get(item.example.category) ?? []), item]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

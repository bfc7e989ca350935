/**
 * How a builtin's registry example becomes the DataFrame whose plan and result are golden, shared by the capture
 * script (which tells PySpark) and the golden tests (which build it with sparkts): one frame, so the same plan
 * gives the same result.
 *
 * - a DataFrame-valued example (`broadcast(...)`) is the frame itself;
 * - a sort order (category `sort`) orders the fixture: `fixture.orderBy(example).select("id")`, since a sort
 *   order is not a value Spark can select;
 * - any other Column is selected from the fixture: `fixture.select(example)` (aggregates become global ones).
 *
 * The fixture is `spark.sql(<parity-tests/fixture.sql>)`.
 */
import { readFileSync } from "node:fs";

export const FIXTURE_SQL: string = readFileSync(new URL("fixture.sql", import.meta.url), "utf8");

/** Stands for the fixture's SQL text in stored plans, so each golden is not 1.3 kB of repeated SQL. */
export const FIXTURE_SQL_PLACEHOLDER = "<parity-tests/fixture.sql>";

export type FrameShape = "select" | "orderBy";

/** The frame a Column example of `category` is placed in (DataFrame examples are their own frame). */
export function frameShape(category: string): FrameShape {
  return category === "sort" ? "orderBy" : "select";
}

/** The column an ordered frame keeps: enough to show the order, small enough to keep goldens short. */
export const ORDERED_FRAME_COLUMN = "id";

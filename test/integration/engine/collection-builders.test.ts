/**
 * The errors the array and map builders raise at run time (invalid positions, sequence steps away from the stop,
 * repeated or NULL map keys), compared with Spark 4.1.1 by exception class, error class and SQL state.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as F from "../../../generated/functions/index.js";
import type { Column } from "../../../runtime/api/column.js";
import { col, lit } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";

const INPUT = "SELECT * FROM VALUES (1, array(1, 2), 'a'), (2, array(3), CAST(NULL AS STRING)) AS t(id, a, s)";

describe("array and map builders raise Spark's errors on the embedded engine", () => {
  let local: SparkSession;
  let spark: SparkSession;

  beforeAll(async () => {
    local = new SparkSession(new LocalBackend({ master: "local[2]" }));
    spark = await testSession();
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
  });

  const cases: Record<string, () => Column> = {
    "array_insert at position 0": () => F.array_insert("a", 0, 9),
    "a sequence stepping away from its stop": () => F.sequence(lit(1), lit(5), lit(-1)),
    "a sequence with a zero step": () => F.sequence(lit(1), col("id").plus(1), lit(0)),
    "map_concat repeating a key": () => F.map_concat(F.create_map(lit("k"), col("id")), F.create_map(lit("k"), lit(2))),
    "map_from_entries with a NULL key": () => F.map_from_entries(F.array(F.struct(col("s"), col("id")))),
    "str_to_map repeating a key": () => F.str_to_map(lit("a:1,a:2")),
  };

  it.each(Object.entries(cases))("%s", async (_name, build) => {
    const failureOf = async (session: SparkSession) => {
      try {
        const df = await session.sql(INPUT);
        await df.select(build(), col("id")).collect();
        return "no error";
      } catch (error) {
        const { errorClass, sqlState } = error as { errorClass?: string; sqlState?: string };
        return `${(error as Error).constructor.name} ${errorClass} ${sqlState}`;
      }
    };
    const expected = await failureOf(spark);
    expect(expected).not.toBe("no error");
    expect(await failureOf(local)).toEqual(expected);
  });
});

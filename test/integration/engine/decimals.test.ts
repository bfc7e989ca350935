/** DECIMAL arithmetic, casts and aggregates: result precision/scale and values exactly as Spark 4.1.1 gives them. */
import { afterAll, describe, expect, it } from "vitest";
import { Parity } from "./parity-harness.js";
import * as P from "./plan-builders.js";

const parity = new Parity(process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002");
afterAll(() => parity.close());

const sql = (query: string): P.Rel => ({ relType: { case: "sql", value: { query } } });

async function expectSame(query: string) {
  const { local, spark } = await parity.run(P.plan(sql(query)));
  expect(local).toEqual(spark);
  return spark;
}

describe("engine parity: decimals", () => {
  it("arithmetic result types and rounding", async () => {
    const answer = await expectSame(
      "SELECT CAST(id AS DECIMAL(10,2)) / 3 AS a, CAST(id AS DECIMAL(10,2)) * 1.5 AS b, CAST(id AS DECIMAL(5,1)) + id AS c, " +
        "CAST(id AS DECIMAL(10,2)) % 4 AS d, CAST(id AS DECIMAL(10,2)) - 0.125 AS e, CAST(id AS DECIMAL(38,10)) * CAST(id AS DECIMAL(38,10)) AS f FROM range(10)",
    );
    expect("schema" in answer && answer.schema[0]).toMatch(/^a: decimal/);
  });

  it("casts into and out of decimals", async () => {
    await expectSame(
      "SELECT CAST('12.345' AS DECIMAL(5,2)) AS a, CAST(1.005D AS DECIMAL(5,2)) AS b, CAST(CAST(-123.456 AS DECIMAL(6,3)) AS INT) AS c, " +
        "CAST(CAST(2.5 AS DECIMAL(3,1)) AS DOUBLE) AS d, CAST(CAST(1 AS DECIMAL(3,1)) AS STRING) AS e, CAST(7 AS DECIMAL(4,2)) = 7 AS f",
    );
  });

  it("sum and avg over decimals, grouped across partitions", async () => {
    await expectSame(
      "SELECT id % 3 AS k, sum(CAST(id AS DECIMAL(12,3)) / 7) AS s, avg(CAST(id AS DECIMAL(12,3))) AS a, min(CAST(id AS DECIMAL(4,1))) AS lo FROM range(100) GROUP BY id % 3",
    );
  });

  it("sums of decimal products exact to the last digit, past 2^53 and with NULLs (the engine's double fast paths)", async () => {
    await expectSame(
      "SELECT id % 4 AS k, " +
        "sum(CAST(id AS DECIMAL(15,2)) * (1 - CAST(id % 10 AS DECIMAL(15,2)) / 100)) AS revenue, " +
        "sum(CAST(id AS DECIMAL(15,0)) * 1000000000000) AS carried, " +
        "sum(CAST(id * 400000000000000 AS DECIMAL(18,0)) * (1 + CAST(id % 3 AS DECIMAL(15,2)))) AS wide, " +
        "sum(CASE WHEN id % 3 = 0 THEN CAST(id AS DECIMAL(15,2)) * 2 ELSE 0 END) AS cased, " +
        "avg(CASE WHEN id % 5 = 0 THEN NULL ELSE CAST(id AS DECIMAL(15,2)) END) AS a, " +
        "sum(CAST(id AS DECIMAL(15,2))) FILTER (WHERE CAST(id AS DECIMAL(15,2)) < 1500.5) AS filtered " +
        "FROM range(3000) GROUP BY id % 4",
    );
  });

  it("an out-of-range cast fails like Spark", async () => {
    const { local, spark } = await parity.run(P.plan(sql("SELECT CAST(12345.6 AS DECIMAL(4,1)) AS x")));
    expect(spark).toHaveProperty("failure");
    expect(local).toEqual(spark);
  });
});

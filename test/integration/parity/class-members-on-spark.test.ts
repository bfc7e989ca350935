/**
 * Class members whose registry status was flipped to `spark: supported` without a run on the real server
 * elsewhere (their other tests compare plans only): each runs here against Spark 4.1.1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SparkSession } from "../../../runtime/api/session.js";
import { testSession } from "../api/fixture.js";

describe("class members on Spark", () => {
  let spark: SparkSession;

  beforeAll(async () => {
    spark = await testSession();
  });
  afterAll(async () => {
    await spark?.stop();
  });

  it("GroupedData.pivot with listed values and with values found by Spark", async () => {
    const sales = spark.createDataFrame(
      [
        { shop: "a", year: 2023, amount: 10 },
        { shop: "a", year: 2024, amount: 5 },
        { shop: "b", year: 2024, amount: 7 },
        { shop: "a", year: 2024, amount: 1 },
      ],
      "shop string, year int, amount int",
    );
    const listed = sales.groupBy("shop").pivot("year", [2024, 2023]).sum("amount").orderBy("shop");
    expect((await listed.schema).fieldNames()).toEqual(["shop", "2024", "2023"]);
    expect((await listed.collect()).map((row) => [row.get(0), row.get(1), row.get(2)])).toEqual([
      ["a", 6n, 10n],
      ["b", 7n, null],
    ]);
    const found = sales.groupBy("shop").pivot("year").count().orderBy("shop");
    expect((await found.schema).fieldNames()).toEqual(["shop", "2023", "2024"]);
    expect((await found.collect()).map((row) => [row.get(0), row.get(1), row.get(2)])).toEqual([
      ["a", 1n, 2n],
      ["b", null, 1n],
    ]);
  });

  it("DataFrameNaFunctions.drop with how, thresh and subset", async () => {
    const rows = spark.createDataFrame(
      [
        { a: 1, b: "x" },
        { a: null, b: "y" },
        { a: null, b: null },
      ],
      "a int, b string",
    );
    expect(await rows.na.drop().count()).toBe(1n);
    expect(await rows.na.drop("all").count()).toBe(2n);
    expect(await rows.na.drop("any", undefined, ["b"]).count()).toBe(2n);
    expect(await rows.na.drop("any", 1).count()).toBe(2n);
  });
});

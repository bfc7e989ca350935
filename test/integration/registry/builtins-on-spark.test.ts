/**
 * Generated builtins against the real Spark 4.1.1 server: every Spark function name the registry sends exists
 * there, and a sample of generated functions (plain calls, defaults PySpark fills in, lambdas, options, DISTINCT,
 * custom builders) evaluates to the values Spark's own semantics give.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as F from "../../../generated/functions/index.js";
import { loadRegistry } from "../../../registry/load.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { testSession } from "../api/fixture.js";

describe("generated builtins on Spark 4.1.1", () => {
  let spark: SparkSession;

  beforeAll(async () => {
    spark = await testSession();
  });

  afterAll(async () => {
    await spark?.stop();
  });

  // The Connect planner resolves these itself; they are not in Spark's SQL function registry (SHOW FUNCTIONS).
  const PLANNER_ONLY: Record<string, string> = {
    product: "aggregate the Connect planner builds directly",
    timestampadd: "Connect planner builds TimestampAdd from the unit literal",
    timestampdiff: "Connect planner builds TimestampDiff from the unit literal",
    unwrap_udt: "Connect planner builds UnwrapUDT directly",
    bucket: "partition transform, valid only in DataFrameWriterV2.partitionedBy",
    days: "partition transform, valid only in DataFrameWriterV2.partitionedBy",
    hours: "partition transform, valid only in DataFrameWriterV2.partitionedBy",
    months: "partition transform, valid only in DataFrameWriterV2.partitionedBy",
    years: "partition transform, valid only in DataFrameWriterV2.partitionedBy",
  };

  it("sends only function names Spark knows (or its Connect planner resolves itself)", async () => {
    const rows = await (await spark.sql("SHOW FUNCTIONS")).collect();
    const known = new Set(rows.map((row) => String(row.get(0)).toLowerCase()));
    const sent = loadRegistry().functions.flatMap((entry) =>
      entry.encoding.kind === "call" && entry.status.spark.state === "supported" ? [entry.encoding.sparkName] : [],
    );
    expect(sent.length).toBeGreaterThan(400);
    const unknown = sent.filter((name) => !known.has(name.toLowerCase()) && PLANNER_ONLY[name] === undefined);
    expect([...new Set(unknown)].sort()).toEqual([]);
  });

  it("evaluates plain calls, filled-in defaults, planner-only functions and DISTINCT aggregates", async () => {
    const rows = await spark
      .range(1, 5)
      .agg(
        F.count_distinct(F.pmod("id", F.lit(2))).alias("parities"),
        F.sum_distinct(F.pmod("id", F.lit(2))).alias("parity_sum"),
        F.max(F.sqrt("id")).alias("root"),
        F.max_by("id", F.negative("id")).alias("id_of_min"),
        F.product("id").alias("product"),
        F.sort_array(F.collect_list("id")).alias("ids"),
      )
      .collect();
    const row = rows[0]!;
    expect(row.get("parities")).toBe(2n);
    expect(row.get("parity_sum")).toBe(1n);
    expect(row.get("root")).toBe(2);
    expect(row.get("id_of_min")).toBe(1n);
    expect(row.get("product")).toBe(24);
    expect(row.get("ids")).toEqual([1n, 2n, 3n, 4n]);
  });

  it("evaluates lambdas, options maps and custom builders", async () => {
    const rows = await spark
      .range(1)
      .select(
        F.transform(F.array(F.lit(1), F.lit(2), F.lit(3)), (x) => x.multiply(10)).alias("tens"),
        F.aggregate(F.array(F.lit(1), F.lit(2), F.lit(3)), F.lit(0), (acc, x) => acc.plus(x)).alias("total"),
        F.from_json(F.lit("{'a': 1}"), "a INT", { allowSingleQuotes: "true" }).getField("a").alias("a"),
        F.log(2, F.lit(8)).alias("log2_of_8"),
        F.trim(F.lit("xxhixx"), F.lit("x")).alias("trimmed"),
        F.sha2(F.lit("abc"), 256).alias("sha"),
        F.typeof(F.lit(1)).alias("type"),
        F.date_format(
          F.make_timestamp(F.lit(2026), F.lit(1), F.lit(2), F.lit(3), F.lit(4), F.lit(5)),
          "yyyy-MM-dd HH:mm:ss",
        ).alias("stamp"),
        F.date_format(
          F.make_timestamp_ntz({ date: F.expr("DATE'2026-01-02'"), time: F.expr("TIME'03:04:05'") }),
          "yyyy-MM-dd HH:mm:ss",
        ).alias("stamp_ntz"),
        F.timestamp_diff(
          "HOUR",
          F.expr("TIMESTAMP'2026-01-01 00:00:00'"),
          F.expr("TIMESTAMP'2026-01-02 06:00:00'"),
        ).alias("hours"),
      )
      .collect();
    const row = rows[0]!;
    expect(row.get("tens")).toEqual([10, 20, 30]);
    expect(row.get("total")).toBe(6);
    expect(row.get("a")).toBe(1);
    expect(row.get("log2_of_8")).toBeCloseTo(3, 12);
    expect(row.get("trimmed")).toBe("hi");
    expect(row.get("sha")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(row.get("type")).toBe("int");
    expect(row.get("stamp")).toBe("2026-01-02 03:04:05");
    expect(row.get("stamp_ntz")).toBe("2026-01-02 03:04:05");
    expect(row.get("hours")).toBe(30n);
  });

  it("joins with a broadcast hint", async () => {
    const joined = spark.range(5).join(F.broadcast(spark.range(2, 9)), "id");
    expect(await joined.count()).toBe(3n);
  });

  it("orders with the generated sort keys", async () => {
    const values = await spark.sql("SELECT * FROM VALUES (1), (NULL), (3) AS t(v)");
    const rows = await values.orderBy(F.desc_nulls_last("v")).collect();
    expect(rows.map((row) => row.get("v"))).toEqual([3, 1, null]);
  });
});

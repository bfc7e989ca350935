/**
 * SparkSession against the real server: builder, version, conf, sql with parameters, range, table,
 * createDataFrame, stop. Reference values come from PySpark where the server's answer is not obvious.
 */
import { tableFromArrays } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { col, lit } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { ClientArgumentError, ParseException, SparkConnectError } from "../../../runtime/errors/index.js";
import {
  DoubleType,
  IntegerType,
  LongType,
  StringType,
  StructField,
  StructType,
} from "../../../runtime/types/index.js";
import { type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { sparkRemote } from "../../support/session-url.js";
import { testSession } from "./fixture.js";

describe("SparkSession", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    golden = await runPySpark(`
      emit("version", spark.version)
      emit("positional", spark.sql("SELECT ? + 1 AS a, ? AS b", [41, "x"]))
      emit("named", spark.sql("SELECT :n * 2 AS doubled, :s AS s", {"n": 2**40, "s": None}))
      emit("rangeStep", spark.range(10, -10, -3, 2))
      emit("created", spark.createDataFrame([Row(n=1, f=1.5, s="a", b=True, l=[1, 2])]))
    `);
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("reports the server's Spark version", async () => {
    expect(await spark.version).toBe(golden.version);
    expect(await spark.version).toMatch(/^4\.1\./);
  });

  it("builder.getOrCreate returns the live default session, create always a new one", async () => {
    const a = await SparkSession.builder().remote(sparkRemote()).getOrCreate();
    const b = await SparkSession.builder()
      .remote(sparkRemote())
      .config("spark.sql.shuffle.partitions", 7)
      .getOrCreate();
    const c = await SparkSession.builder().remote(sparkRemote()).create();
    try {
      expect(b).toBe(a);
      expect(a.isStopped).toBe(false);
      expect(await b.conf.get("spark.sql.shuffle.partitions")).toBe("7");
      expect(c).not.toBe(a);
      expect(c.sessionId).not.toBe(a.sessionId);
    } finally {
      await a.conf.unset("spark.sql.shuffle.partitions");
      await c.stop();
    }
  });

  it("conf: set, get, get with default, getAll, unset, isModifiable", async () => {
    const key = "spark.sql.shuffle.partitions";
    await spark.conf.set(key, 13);
    expect(await spark.conf.get(key)).toBe("13");
    await spark.conf.set("spark.sql.ansi.enabled", false);
    expect(await spark.conf.get("spark.sql.ansi.enabled")).toBe("false");
    expect((await spark.conf.getAll())[key]).toBe("13");
    await spark.conf.unset(key);
    expect(await spark.conf.get(key)).toBe("200");
    await spark.conf.unset("spark.sql.ansi.enabled");
    expect(await spark.conf.get("spark.sqlts.not.a.key", "fallback")).toBe("fallback");
    expect(await spark.conf.isModifiable(key)).toBe(true);
    expect(await spark.conf.isModifiable("spark.driver.memory")).toBe(false);
    await expect(spark.conf.get("spark.sqlts.not.a.key")).rejects.toMatchObject({ errorClass: "SQL_CONF_NOT_FOUND" });
  });

  it("sql with positional and named parameters gives PySpark's answers", async () => {
    const positional = await (await spark.sql("SELECT ? + 1 AS a, ? AS b", [41, "x"])).collect();
    expect(positional.map((r) => r.values)).toEqual([[42, "x"]]);
    expect(golden.positional).toMatchObject({ $dataframe: { rows: [[42, "x"]] } });
    const named = await (await spark.sql("SELECT :n * 2 AS doubled, :s AS s", { n: 2 ** 40, s: null })).collect();
    expect(named.map((r) => r.values)).toEqual([[2n ** 41n, null]]);
    expect(golden.named).toMatchObject({ $dataframe: { rows: [[2 ** 41, null]] } });
    // Arrays go as array(...) calls, which Spark accepts as parameters (arbitrary expressions it refuses).
    const withArray = await (await spark.sql("SELECT :c AS c", { c: [1, 2] })).collect();
    expect(withArray[0]?.get("c")).toEqual([1, 2]);
    await expect(spark.sql("SELECT :c AS c", { c: col("x") })).rejects.toMatchObject({ errorClass: "INVALID_SQL_ARG" });
  });

  it("sql fills {placeholders} from kwargs: DataFrames as views, columns by name, strings quoted", async () => {
    const people = spark.createDataFrame([
      { id: 1, name: "O'Brien" },
      { id: 2, name: "Ann" },
    ]);
    const df = await spark.sql("SELECT {who} FROM {people} WHERE id >= {min} AND name = {name} ORDER BY id", null, {
      people,
      who: col("name"),
      min: 1,
      name: "O'Brien",
    });
    expect((await df.collect()).map((r) => r.values)).toEqual([["O'Brien"]]);
    const braces = await spark.sql("SELECT '{{x}}' AS t", null, {});
    expect((await braces.collect())[0]?.get("t")).toBe("{x}");
    await expect(spark.sql("SELECT {missing}", null, {})).rejects.toThrow(/refers to \{missing\}/);
    await expect(spark.sql("SELECT {c}", null, { c: col("a").plus(1) })).rejects.toThrow(/plain column reference/);
  });

  it("sql runs commands eagerly and queries lazily", async () => {
    await spark.sql("CREATE OR REPLACE TEMP VIEW sparkts_api_view AS SELECT id, id * id AS sq FROM range(4)");
    const rows = await spark.table("sparkts_api_view").filter(col("id").gt(1)).collect();
    expect(rows.map((r) => r.values)).toEqual([
      [2n, 4n],
      [3n, 9n],
    ]);
    await spark.range(3).withColumn("x", lit("v")).createOrReplaceTempView("sparkts_api_view2");
    expect(await spark.table("sparkts_api_view2").count()).toBe(3n);
    await expect(spark.sql("SELEC 1")).rejects.toBeInstanceOf(ParseException);
  });

  it("range follows Python's range rules", async () => {
    const ids = async (df: ReturnType<SparkSession["range"]>) => (await df.collect()).map((r) => Number(r.get(0)));
    expect(await ids(spark.range(4))).toEqual([0, 1, 2, 3]);
    expect(await ids(spark.range(2, 5))).toEqual([2, 3, 4]);
    const stepped = await ids(spark.range(10, -10, -3, 2));
    expect(stepped).toEqual([10, 7, 4, 1, -2, -5, -8]);
    expect(golden.rangeStep).toMatchObject({ $dataframe: { rows: stepped.map((v) => [v]) } });
    expect(await ids(spark.range(5n, 7n))).toEqual([5, 6]);
    expect(() => spark.range(1.5)).toThrow(ClientArgumentError);
    expect(() => spark.range(0, 10, 0)).toThrow(/step must not be 0/);
  });

  it("createDataFrame infers the same schema as PySpark for equivalent rows", async () => {
    const df = spark.createDataFrame([{ n: 1, f: 1.5, s: "a", b: true, l: [1, 2] }]);
    const schema = await df.schema;
    expect(JSON.parse(schema.json())).toEqual(
      (golden.created as { $dataframe: { schema: unknown } }).$dataframe.schema,
    );
    expect((await df.collect())[0]?.values).toEqual([1n, 1.5, "a", true, [1n, 2n]]);
  });

  it("createDataFrame takes column names, DDL or a StructType as schema", async () => {
    const named = spark.createDataFrame(
      [
        [1, "a"],
        [2, "b"],
      ],
      ["num", "letter"],
    );
    expect(await named.dtypes).toEqual([
      ["num", "bigint"],
      ["letter", "string"],
    ]);
    const ddl = spark.createDataFrame([{ id: 5, tag: "x" }], "id bigint, tag string");
    expect((await ddl.collect())[0]?.values).toEqual([5n, "x"]);
    const struct = new StructType([
      new StructField("k", LongType.instance, false),
      new StructField("v", StringType.instance),
    ]);
    const typed = spark.createDataFrame([[1n, null]], struct);
    expect(await typed.treeString()).toBe("root\n |-- k: long (nullable = false)\n |-- v: string (nullable = true)\n");
    expect(() => spark.createDataFrame([{ a: null }])).toThrow(/every value is null/);
    expect(() => spark.createDataFrame([{ a: 1 }, { a: "x" }])).toThrow(/mixes values of types bigint and string/);
  });

  it("createDataFrame sends an Arrow table as it is", async () => {
    const table = tableFromArrays({ n: Int32Array.from([1, 2]), x: Float64Array.from([0.5, 1.5]), s: ["a", "b"] });
    const df = spark.createDataFrame(table);
    expect(await df.dtypes).toEqual([
      ["n", "int"],
      ["x", "double"],
      ["s", "string"],
    ]);
    expect((await df.collect()).map((r) => r.values)).toEqual([
      [1, 0.5, "a"],
      [2, 1.5, "b"],
    ]);
    expect(await spark.createDataFrame(table, ["a", "b", "c"]).columns).toEqual(["a", "b", "c"]);
    // Fewer names than columns are completed by position, as in PySpark; more are an error.
    expect(await spark.createDataFrame(table, ["a"]).columns).toEqual(["a", "_2", "_3"]);
    expect(() => spark.createDataFrame(table, ["a", "b", "c", "d"])).toThrow(/at most 3 column names/);
  });

  it("createDataFrame casts an Arrow table to a StructType or DDL schema naming its columns, as PySpark does", async () => {
    const table = tableFromArrays({ n: BigInt64Array.from([1n, 2n]), x: Float64Array.from([0.5, 1.5]), s: ["a", "b"] });
    const cast = spark.createDataFrame(table, "n string, x decimal(5,2), s string");
    expect(await cast.dtypes).toEqual([
      ["n", "string"],
      ["x", "decimal(5,2)"],
      ["s", "string"],
    ]);
    expect((await cast.collect()).map((r) => r.values.map(String))).toEqual([
      ["1", "0.50", "a"],
      ["2", "1.50", "b"],
    ]);
    const struct = new StructType([
      new StructField("n", IntegerType.instance, false),
      new StructField("x", DoubleType.instance),
      new StructField("s", StringType.instance),
    ]);
    expect((await spark.createDataFrame(table, struct).collect()).map((r) => r.values)).toEqual([
      [1, 0.5, "a"],
      [2, 1.5, "b"],
    ]);
    // No rows: the schema alone.
    expect(await spark.createDataFrame(table.slice(0, 0), struct).treeString()).toBe(
      "root\n |-- n: integer (nullable = false)\n |-- x: double (nullable = true)\n |-- s: string (nullable = true)\n",
    );
    // PySpark casts the table by name: the schema must name its columns, in order.
    expect(() => spark.createDataFrame(table, "a long, b double, c string")).toThrow(/field names are not matching/);
    const withNull = tableFromArrays({ n: [1, null] });
    expect(() => spark.createDataFrame(withNull, "n double not null")).toThrow(/non-nullable but has null values/);
  });

  it("stop releases the server session; the stopped session fails clearly", async () => {
    const own = await SparkSession.builder().remote(sparkRemote()).create();
    expect(await own.range(2).count()).toBe(2n);
    await own.stop();
    expect(own.isStopped).toBe(true);
    await expect(own.range(2).count()).rejects.toMatchObject({ errorClass: "NO_ACTIVE_SESSION" });
    await expect(own.version).rejects.toMatchObject({ errorClass: "NO_ACTIVE_SESSION" });
    await expect(own.range(2).schema).rejects.toMatchObject({ errorClass: "NO_ACTIVE_SESSION" });
    await expect(own.conf.get("spark.app.name")).rejects.toBeInstanceOf(SparkConnectError);
    expect(await spark.range(2).count()).toBe(2n);
  });
});

/**
 * Parity cases for the DataFrame and Column operations the embedded engine runs through their own proto nodes:
 * schema reconciliation (`to`), transposition, regex column selection, struct field updates, column metadata,
 * partitioning by id, subqueries (scalar, exists) and observed metrics. Each case also checks the error class
 * Spark raises for bad input, since the suite compares failures too.
 */
import * as F from "../../../generated/functions/index.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, lit, not } from "../../../runtime/api/functions.js";
import { Observation } from "../../../runtime/api/observation.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import {
  ArrayType,
  DoubleType,
  IntegerType,
  LongType,
  StringType,
  StructField,
  StructType,
} from "../../../runtime/types/index.js";
import type { MemberCase } from "./member-cases.js";
import { outcomeOf, withoutAliasMarker } from "./parity-fixture.js";
import { settled } from "./settled-outcome.js";

const json = (value: unknown): string => JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));

const field = (name: string, type: StructField["dataType"], nullable = true) => new StructField(name, type, nullable);
const schema = (...fields: StructField[]) => new StructType(fields);
/** Rows only: the client reports the requested schema for `to`, so the rows are what the server decided. */
const rowsOf = async (df: DataFrame) => (await df.collect()).map((row) => json(row)).sort();

const nested = (df: DataFrame) =>
  df.select(
    col("id"),
    F.struct(col("i"), col("s"), F.struct(col("d"), col("id").alias("n")).alias("inner")).alias("st"),
  );
const ordered = (df: DataFrame, ...columns: ReturnType<typeof col>[]) =>
  outcomeOf(df.orderBy("id").select(col("id"), ...columns), true);

export const FRAME_OP_MEMBER_CASES: Record<string, MemberCase> = {
  "DataFrame.to": async (df) => ({
    reordered: await rowsOf(df.to(schema(field("s", new StringType()), field("id", new IntegerType())))),
    widened: await rowsOf(df.to(schema(field("id", new LongType()), field("I", new DoubleType())))),
    nestedStruct: await rowsOf(
      df
        .select(col("id"), F.struct(col("s"), col("i")).alias("st"))
        .to(
          schema(
            field("st", schema(field("i", new LongType()), field("s", new StringType()))),
            field("id", new LongType()),
          ),
        ),
    ),
    missing: await settled(() => rowsOf(df.to(schema(field("nope", new StringType()))))),
    missingRequired: await settled(() => rowsOf(df.to(schema(field("nope", new StringType(), false))))),
    nestedSubset: await settled(() =>
      rowsOf(
        df
          .select(F.struct(col("s"), col("i")).alias("st"))
          .to(schema(field("st", schema(field("I", new StringType()), field("extra", new IntegerType()))))),
      ),
    ),
    stringToInt: await settled(() => rowsOf(df.to(schema(field("s", new IntegerType()))))),
    intToString: await settled(() =>
      rowsOf(df.to(schema(field("i", new StringType()), field("dt", new StringType())))),
    ),
    narrowing: await settled(() => rowsOf(df.to(schema(field("d", new IntegerType()))))),
    notNullable: await settled(() => rowsOf(df.to(schema(field("i", new IntegerType(), false))))),
    toArray: await settled(() => rowsOf(df.to(schema(field("s", new ArrayType(new StringType(), true)))))),
  }),
  "DataFrame.transpose": async (df) => ({
    firstColumn: await outcomeOf(df.select("s", "i", "id").where("s is not null").transpose(), true),
    byIndex: await outcomeOf(df.select("id", "d", "i").transpose("id"), true),
    strings: await outcomeOf(df.select("id", "s", "padded").transpose(col("id")), true),
    mixedTypes: await settled(() => outcomeOf(df.select("id", "s", "i").transpose())),
    nullIndex: await outcomeOf(df.select("s", "id", "d").transpose(), true),
    doubleIndex: await outcomeOf(df.select("d", "id", "i").transpose(), true),
    widening: await settled(() => outcomeOf(df.select("s", "id", "d", "dec").transpose(), true)),
    decimals: await settled(() => outcomeOf(df.select("s", "id", "dec").transpose(), true)),
    indexOnly: await outcomeOf(df.select("s").transpose(), true),
    empty: await outcomeOf(df.where("id > 9").select("s", "id").transpose(), true),
    structIndex: await settled(() => outcomeOf(df.select(F.struct("id").alias("k"), col("i")).transpose())),
  }),
  "DataFrame.colRegex": async (df) => ({
    quoted: await outcomeOf(df.select(df.colRegex("`(i|d.*)`"))),
    all: await outcomeOf(df.select(df.colRegex("`.*`"))),
    none: await outcomeOf(df.select(col("id"), df.colRegex("`zz.*`"))),
    unquoted: await settled(() => outcomeOf(df.select(df.colRegex("id")))),
    upperCase: await outcomeOf(df.select(df.colRegex("`I|PADDED`"))),
    oneInFilter: await settled(() => outcomeOf(df.where(df.colRegex("`I`").isNotNull()).select("id"))),
    literalInFilter: await outcomeOf(df.where(df.colRegex("i").isNotNull()).select("id")),
    qualified: await outcomeOf(df.alias("t").select(df.alias("t").colRegex("t.`d.*`"))),
  }),
  "Column.withField": async (df) => ({
    added: await ordered(nested(df), col("st").withField("x", lit(1)).withField("i", col("id")).alias("st")),
    deep: await ordered(
      nested(df),
      col("st").withField("inner.m", col("id").cast("string")).withField("inner.d", lit("z")),
    ),
    nullStruct: await ordered(
      nested(df).select(col("id"), F.when(col("id").gt(lit(2)), col("st")).alias("st")),
      col("st").withField("x", col("id")).withField("inner.n", lit(0)),
    ),
    notStruct: await settled(() => ordered(df, col("id").withField("x", lit(1)))),
    missingParent: await settled(() => ordered(nested(df), col("st").withField("nope.x", lit(1)))),
  }),
  "Column.dropFields": async (df) => ({
    dropped: await ordered(nested(df), col("st").dropFields("i")),
    deep: await ordered(nested(df), col("st").dropFields("inner.d", "s")),
    absent: await ordered(nested(df), col("st").dropFields("nope")),
    everything: await settled(() => ordered(nested(df), col("st").dropFields("i", "s", "inner"))),
  }),
  "DataFrame.withMetadata": async (df) => ({
    set: (await df.withMetadata("i", { comment: "an int", n: 2 }).select("i", "s").schema).json(),
    kept: (await df.withMetadata("s", { tag: ["a", "b"] }).select(col("s"), col("s").alias("t")).schema).json(),
    rows: await outcomeOf(df.withMetadata("d", { x: true }).select("id", "d")),
    // Spark marks names it made up (`(i + 1)`) in the metadata; that marker is left out, as in outcomeOf.
    expressions: withoutAliasMarker(
      (
        await df
          .withMetadata("i", { a: 1 })
          .select(col("i").cast("long"), col("i").plus(lit(1)), col("i").alias("j", { metadata: { b: "x" } }))
          .where("i > 0").schema
      ).json(),
    ),
    missing: await settled(async () => (await df.withMetadata("nope", { a: 1 }).schema).json()),
  }),
  // Rows come back partition by partition; from a single input partition, in input order within each.
  "DataFrame.repartitionById": async (df, spark) => ({
    rows: await outcomeOf(df.repartitionById(2, col("id").mod(lit(2)).cast("int"))),
    partitions: await outcomeOf(
      spark
        .range(0, 12, 1, 1)
        .repartitionById(3, col("id").mod(lit(5)).cast("int"))
        .select("id"),
      true,
    ),
    negativeAndNull: await outcomeOf(df.coalesce(1).repartitionById(3, col("i")).select("id", "i"), true),
    long: await settled(() => outcomeOf(spark.range(6).repartitionById(4, col("id")))),
    notInt: await settled(() => outcomeOf(df.repartitionById(2, col("s")))),
  }),
  "DataFrame.scalar": async (df) => ({
    where: await outcomeOf(df.where(col("i").eq(df.select(F.max("i")).scalar())).select("id")),
    select: await outcomeOf(df.select(col("id"), df.select(F.avg("d")).scalar().alias("avg_d"))),
    empty: await outcomeOf(df.select(col("id"), df.where("id > 99").select("s").scalar().alias("none"))),
    tooManyRows: await settled(() => outcomeOf(df.select(col("id"), df.select("s").scalar().alias("x")))),
    tooManyColumns: await settled(() => outcomeOf(df.select(df.select("id", "s").limit(1).scalar()))),
  }),
  "DataFrame.exists": async (df, spark: SparkSession) => ({
    flags: await outcomeOf(
      spark
        .range(2)
        .where(df.where(col("i").isNull()).exists())
        .withColumn("no", df.where("id > 9").exists()),
    ),
    notExists: await outcomeOf(df.where(not(df.where("id > 9").exists())).select("id")),
  }),
  "DataFrame.observe": async (df) => {
    const observation = new Observation("frame_op_case");
    const rows = await outcomeOf(
      df.observe(observation, F.count(lit(1)).alias("n"), F.max("i").alias("top"), F.sum("dec").alias("total")),
    );
    const named = df.where("i > 0").observe("named_metrics", F.min("d").alias("low"));
    // Observed in a map stage below a shuffle, over several partitions: every row counted once.
    const staged = new Observation("staged_case");
    const grouped = df
      .repartition(3)
      .observe(staged, F.count(lit(1)).alias("n"), F.sum("i").alias("s"), F.max("id").multiply(10).alias("top10"))
      .groupBy(col("id").mod(2).alias("parity"))
      .count()
      .orderBy("parity");
    return {
      rows,
      metrics: json(await observation.get),
      named: await outcomeOf(named),
      grouped: await outcomeOf(grouped),
      staged: json(await staged.get),
      notAggregate: await settled(() => outcomeOf(df.observe(new Observation("bad"), col("id").alias("x")))),
      distinct: await settled(() =>
        outcomeOf(df.observe(new Observation("distinct_case"), F.count_distinct("i").alias("x"))),
      ),
    };
  },
  "Observation.get": async (df) => {
    const observation = new Observation("get_case");
    await df
      .where("id > 1")
      .observe(observation, F.count(lit(1)).alias("rows"), F.avg("d").alias("avg"))
      .collect();
    return json(await observation.get);
  },
};

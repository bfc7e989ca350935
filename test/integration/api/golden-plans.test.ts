/**
 * Golden plans: for the same DataFrame program, the Plan we build equals the one PySpark 4.1.1 builds (after
 * renumbering plan ids and dropping PySpark's call-site origins). PySpark is run live, never transcribed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import {
  avg,
  callFunction,
  col,
  count,
  countDistinct,
  expr,
  lit,
  max,
  min,
  sum,
  when,
} from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { Window } from "../../../runtime/api/window.js";
import { type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { planJson, pysparkPlanJson, testSession } from "./fixture.js";

/** Each case: a PySpark expression building `df` from `base` (= spark.range(10)), and our equivalent. */
const CASES: Record<
  string,
  { python: string; ts: (base: DataFrame, spark: SparkSession) => DataFrame | Promise<DataFrame> }
> = {
  filterSelect: {
    python: `base.filter(F.col("id") > 3).select(F.col("id").alias("x"), (F.col("id") * 2.5).alias("y"))`,
    ts: (base) => base.filter(col("id").gt(3)).select(col("id").alias("x"), col("id").multiply(2.5).alias("y")),
  },
  whereString: {
    python: `base.where("id % 2 = 0").selectExpr("id + 1 AS n")`,
    ts: (base) => base.where("id % 2 = 0").selectExpr("id + 1 AS n"),
  },
  withColumns: {
    python: `base.withColumn("a", F.lit(1)).withColumns({"b": F.lit("x"), "c": F.col("id").cast("string")}).drop("a")`,
    ts: (base) =>
      base
        .withColumn("a", lit(1))
        .withColumns({ b: lit("x"), c: col("id").cast("string") })
        .drop("a"),
  },
  caseWhen: {
    python: `base.select(F.when(F.col("id") < 3, "low").when(F.col("id") < 6, "mid").otherwise("high").alias("band"))`,
    ts: (base) =>
      base.select(when(col("id").lt(3), "low").when(col("id").lt(6), "mid").otherwise("high").alias("band")),
  },
  operators: {
    python: `base.select((F.col("id") != 1) & ~(F.col("id") == 2) | F.col("id").isNull(), F.col("id").eqNullSafe(None), F.col("id").between(1, 3), F.col("id").isin(1, 2, 3), F.col("id") % 4 - 1)`,
    ts: (base) =>
      base.select(
        col("id")
          .ne(1)
          .and(callFunction("not", col("id").eq(2)))
          .or(col("id").isNull()),
        col("id").eqNullSafe(null),
        col("id").between(1, 3),
        col("id").isin(1, 2, 3),
        col("id").mod(4).minus(1),
      ),
  },
  strings: {
    python: `base.select(F.col("id").cast("string").alias("s")).select(F.col("s").like("1%"), F.col("s").rlike("^[0-9]$"), F.col("s").startswith("1"), F.col("s").endswith("0"), F.col("s").contains("5"), F.col("s").substr(1, 2))`,
    ts: (base) =>
      base
        .select(col("id").cast("string").alias("s"))
        .select(
          col("s").like("1%"),
          col("s").rlike("^[0-9]$"),
          col("s").startswith("1"),
          col("s").endswith("0"),
          col("s").contains("5"),
          col("s").substr(1, 2),
        ),
  },
  groupAgg: {
    python: `base.groupBy((F.col("id") % 3).alias("g")).agg(F.sum("id"), F.count("*"), F.avg("id").alias("mean"), F.max("id"), F.countDistinct("id"))`,
    ts: (base) =>
      base
        .groupBy(col("id").mod(3).alias("g"))
        .agg(sum("id"), count("*"), avg("id").alias("mean"), max("id"), countDistinct("id")),
  },
  groupShorthands: {
    python: `base.withColumn("g", F.col("id") % 2).groupBy("g").sum("id")`,
    ts: (base) => base.withColumn("g", col("id").mod(2)).groupBy("g").sum("id"),
  },
  groupCount: {
    python: `base.groupBy("id").count()`,
    ts: (base) => base.groupBy("id").count(),
  },
  aggDict: {
    python: `base.agg({"id": "max"})`,
    ts: (base) => base.agg({ id: "max" }),
  },
  sortLimit: {
    python: `base.orderBy(F.col("id").desc(), "id", F.col("id").asc_nulls_last()).limit(3)`,
    ts: (base) => base.orderBy(col("id").desc(), "id", col("id").asc_nulls_last()).limit(3),
  },
  selfJoinOnColumn: {
    python: `(lambda a, b: a.join(b, a["id"] == b["id"], "left_outer"))(base.alias("a"), base.alias("b"))`,
    ts: (base) => {
      const a = base.alias("a");
      const b = base.alias("b");
      return a.join(b, a.col("id").eq(b.col("id")), "left_outer");
    },
  },
  joinUsing: {
    python: `base.join(base.withColumn("y", F.lit(1)), ["id"], "fullouter")`,
    ts: (base) => base.join(base.withColumn("y", lit(1)), ["id"], "fullouter"),
  },
  unions: {
    python: `base.union(base).unionByName(base, allowMissingColumns=True).distinct()`,
    ts: (base) => base.union(base).unionByName(base, true).distinct(),
  },
  window: {
    python: `base.select(F.sum("id").over(Window.partitionBy(F.col("id") % 2).orderBy("id").rowsBetween(Window.unboundedPreceding, Window.currentRow)))`,
    ts: (base) =>
      base.select(
        sum("id").over(
          Window.partitionBy(col("id").mod(2)).orderBy("id").rowsBetween(Window.unboundedPreceding, Window.currentRow),
        ),
      ),
  },
  literals: {
    python: `base.select(F.lit(2**40), F.lit(0.25), F.lit(True), F.lit(None), F.lit("s"), F.lit([1, 2]), F.expr("id + 1"))`,
    ts: (base) => base.select(lit(2 ** 40), lit(0.25), lit(true), lit(null), lit("s"), lit([1, 2]), expr("id + 1")),
  },
  rollupCube: {
    python: `base.withColumn("g", F.col("id") % 2).rollup("g", "id").count().union(base.withColumn("g", F.col("id") % 2).cube("g").agg(F.min("id"), F.max("id")))`,
    ts: (base) =>
      base
        .withColumn("g", col("id").mod(2))
        .rollup("g", "id")
        .count()
        .union(base.withColumn("g", col("id").mod(2)).cube("g").agg(min("id"), max("id"))),
  },
  groupingSets: {
    python: `base.withColumn("g", F.col("id") % 2).groupingSets([["g", "id"], [F.col("g")], []], "g", F.col("id")).agg(F.sum("id"), F.grouping_id())`,
    ts: (base) =>
      base
        .withColumn("g", col("id").mod(2))
        .groupingSets([["g", "id"], [col("g")], []], "g", col("id"))
        .agg(sum("id"), callFunction("grouping_id")),
  },
  unpivotAndMelt: {
    python: `base.withColumn("a", F.col("id") * 2).unpivot("id", ["a", F.col("id")], "var", "val").union(base.withColumn("b", F.lit(1)).melt([F.col("id")], None, "k", "v")).union(base.unpivot(["id"], [], "x", "y"))`,
    ts: (base) =>
      base
        .withColumn("a", col("id").multiply(2))
        .unpivot("id", ["a", col("id")], "var", "val")
        .union(base.withColumn("b", lit(1)).melt([col("id")], null, "k", "v"))
        .union(base.unpivot(["id"], [], "x", "y")),
  },
  reshaping: {
    python: `base.withColumnRenamed("id", "n").toDF("m").sortWithinPartitions("m").offset(2).dropDuplicates(["m"]).drop(F.col("m"))`,
    ts: (base) =>
      base
        .withColumnRenamed("id", "n")
        .toDF("m")
        .sortWithinPartitions("m")
        .offset(2)
        .dropDuplicates(["m"])
        .drop(col("m")),
  },
  moreSetOps: {
    python: `base.crossJoin(base.alias("r")).select(F.col("id")).intersectAll(base).exceptAll(base.limit(1)).subtract(base.limit(2)).intersect(base)`,
    ts: (base) =>
      base
        .crossJoin(base.alias("r"))
        .select(col("id"))
        .intersectAll(base)
        .exceptAll(base.limit(1))
        .subtract(base.limit(2))
        .intersect(base),
  },
  nestedAndCasts: {
    python: `base.select(F.array(F.col("id")).alias("a"), F.struct(F.col("id").alias("f")).alias("s")).select(F.col("a").getItem(0), F.col("s").getField("f"), F.col("a")[0].try_cast("string"), F.col("s").withField("g", F.lit(1)).dropFields("f"))`,
    ts: (base) =>
      base
        .select(callFunction("array", col("id")).alias("a"), callFunction("struct", col("id").alias("f")).alias("s"))
        .select(
          col("a").getItem(0),
          col("s").getField("f"),
          col("a").getItem(0).try_cast("string"),
          col("s").withField("g", lit(1)).dropFields("f"),
        ),
  },
  dataFrameColumns: {
    python: `(lambda df: df.select(df["*"], df["id"].alias("again")).filter(df.id > 1).orderBy(df["id"].desc_nulls_first()))(base.withColumn("x", F.lit(1)))`,
    ts: (base) => {
      const df = base.withColumn("x", lit(1));
      return df
        .select(df.col("*"), df.col("id").alias("again"))
        .filter(df.col("id").gt(1))
        .orderBy(df.col("id").desc_nulls_first());
    },
  },
  rangeFrame: {
    python: `base.select(F.count("id").over(Window.orderBy("id").rangeBetween(-2, Window.unboundedFollowing)), F.max("id").over(Window.partitionBy("id").rowsBetween(-1, 1)))`,
    ts: (base) =>
      base.select(
        count("id").over(Window.orderBy("id").rangeBetween(-2, Window.unboundedFollowing)),
        max("id").over(Window.partitionBy("id").rowsBetween(-1, 1)),
      ),
  },
  moreLiterals: {
    python: `base.select(F.lit(datetime.datetime(2024, 1, 2, 3, 4, 5, 678000)), F.lit(b"\\x01\\xff"), F.lit(2**62), F.lit(-2**31), F.lit(2**31), F.col("id").isin([1, 2]))`,
    ts: (base) =>
      base.select(
        lit(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678))),
        lit(new Uint8Array([1, 255])),
        lit(2n ** 62n),
        lit(-(2 ** 31)),
        lit(2 ** 31),
        col("id").isin([1, 2]),
      ),
  },
  table: {
    python: `spark.table("some_db.some_table").join(base, "id", "left_anti").where(F.col("id").isNotNull())`,
    ts: (base, spark) => spark.table("some_db.some_table").join(base, "id", "left_anti").where(col("id").isNotNull()),
  },
  pivot: {
    python: `base.withColumn("g", F.col("id") % 2).groupBy("g").pivot("id", [1, 2, "x", True, 2.5]).sum("id").join(base.groupBy("id").pivot("id").count(), "id")`,
    ts: (base) =>
      base
        .withColumn("g", col("id").mod(2))
        .groupBy("g")
        .pivot("id", [1, 2, "x", true, 2.5])
        .sum("id")
        .join(base.groupBy("id").pivot("id").count(), "id"),
  },
  partitioningAndSampling: {
    python: `base.repartition(3).repartition(2, "id").repartition(F.col("id")).coalesce(1).sample(0.5, 42).sample(True, 0.3, 7).hint("broadcast").hint("repartition", 3, "id")`,
    ts: (base) =>
      base
        .repartition(3)
        .repartition(2, "id")
        .repartition(col("id"))
        .coalesce(1)
        .sample(0.5, 42)
        .sample(true, 0.3, 7)
        .hint("broadcast")
        .hint("repartition", 3, "id"),
  },
  statistics: {
    python: `base.describe("id").union(base.summary("count", "min", "25%"))`,
    ts: (base) => base.describe("id").union(base.summary("count", "min", "25%")),
  },
  nulls: {
    python: `base.fillna(0).fillna("x", ["id"]).fillna({"id": 2.5, "other": True}).dropna().dropna("all", subset="id").na.drop(thresh=1)`,
    ts: (base) =>
      base
        .fillna(0)
        .fillna("x", ["id"])
        .fillna({ id: 2.5, other: true })
        .dropna()
        .dropna("all", undefined, "id")
        .na.drop("any", 1),
  },
  ordinals: {
    python: `base.withColumn("g", F.col("id") % 3).groupBy(2).count().orderBy(1, -2)`,
    ts: async (base) => {
      const withG = base.withColumn("g", col("id").mod(3));
      await withG.columns;
      const counted = withG.groupBy(2).count();
      await counted.columns;
      return counted.orderBy(1, -2);
    },
  },
};

describe("golden plans against PySpark 4.1.1", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    const lines = Object.entries(CASES).map(
      ([name, c]) => `emit(${JSON.stringify(name)}, MessageToJson((${c.python})._plan.to_proto(spark.client)))`,
    );
    golden = await runPySpark(
      [
        "from google.protobuf.json_format import MessageToJson",
        "from pyspark.sql.window import Window",
        "base = spark.range(10)",
        ...lines,
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await spark?.stop();
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: ${c.python.slice(0, 80)}`, async () => {
      const ours = await c.ts(spark.range(10), spark);
      expect(planJson(ours)).toEqual(pysparkPlanJson(golden[name]));
    });
  }
});

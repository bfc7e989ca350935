/**
 * Examples of Column members, each selected from the parity fixture (`df`) by the member golden test, written
 * for sparkts and for PySpark. Registry data, maintained by hand.
 */
import type { ClassExamplesInput } from "../schema.js";

export const columnExamples: ClassExamplesInput = {
  className: "Column",
  members: {
    alias: [
      { ts: 'F.col("i").alias("n")', python: 'F.col("i").alias("n")' },
      {
        ts: 'F.col("i").alias("n", { metadata: { comment: "count" } })',
        python: 'F.col("i").alias("n", metadata={"comment": "count"})',
      },
      { ts: 'F.posexplode("arr").alias("pos", "value")', python: 'F.posexplode("arr").alias("pos", "value")' },
    ],
    asc: [{ ts: 'df.orderBy(F.col("i").asc()).select("i")', python: 'df.orderBy(F.col("i").asc()).select("i")' }],
    asc_nulls_first: [
      {
        ts: 'df.orderBy(F.col("d").asc_nulls_first()).select("d")',
        python: 'df.orderBy(F.col("d").asc_nulls_first()).select("d")',
      },
    ],
    asc_nulls_last: [
      {
        ts: 'df.orderBy(F.col("s").asc_nulls_last()).select("s")',
        python: 'df.orderBy(F.col("s").asc_nulls_last()).select("s")',
      },
    ],
    astype: [{ ts: 'F.col("dt").astype("string")', python: 'F.col("dt").astype("string")' }],
    between: [{ ts: 'F.col("i").between(-3, 1)', python: 'F.col("i").between(-3, 1)' }],
    bitwiseAND: [{ ts: 'F.col("i").bitwiseAND(6)', python: 'F.col("i").bitwiseAND(6)' }],
    bitwiseOR: [{ ts: 'F.col("l").bitwiseOR(F.col("i"))', python: 'F.col("l").bitwiseOR(F.col("i"))' }],
    bitwiseXOR: [{ ts: 'F.col("i").bitwiseXOR(-1)', python: 'F.col("i").bitwiseXOR(-1)' }],
    cast: [
      { ts: 'F.col("dec").cast("double")', python: 'F.col("dec").cast("double")' },
      { ts: 'F.col("ts").cast("date")', python: 'F.col("ts").cast("date")' },
    ],
    contains: [{ ts: 'F.col("s").contains("bc")', python: 'F.col("s").contains("bc")' }],
    desc: [
      { ts: 'df.orderBy(F.col("dt").desc()).select("dt")', python: 'df.orderBy(F.col("dt").desc()).select("dt")' },
    ],
    desc_nulls_first: [
      {
        ts: 'df.orderBy(F.col("i").desc_nulls_first()).select("i")',
        python: 'df.orderBy(F.col("i").desc_nulls_first()).select("i")',
      },
    ],
    desc_nulls_last: [
      {
        ts: 'df.orderBy(F.col("i").desc_nulls_last()).select("i")',
        python: 'df.orderBy(F.col("i").desc_nulls_last()).select("i")',
      },
    ],
    dropFields: [{ ts: 'F.col("st").dropFields("b")', python: 'F.col("st").dropFields("b")' }],
    endswith: [{ ts: 'F.col("s").endswith("c")', python: 'F.col("s").endswith("c")' }],
    eqNullSafe: [{ ts: 'F.col("i").eqNullSafe(F.lit(null))', python: 'F.col("i").eqNullSafe(F.lit(None))' }],
    getField: [{ ts: 'F.col("st").getField("a")', python: 'F.col("st").getField("a")' }],
    getItem: [
      {
        ts: 'df.where(F.size("arr").gt(2)).select(F.col("arr").getItem(1))',
        python: 'df.where(F.size("arr") > 2).select(F.col("arr").getItem(1))',
      },
      { ts: 'F.col("m").getItem("a")', python: 'F.col("m").getItem("a")' },
    ],
    ilike: [{ ts: 'F.col("s").ilike("%BC")', python: 'F.col("s").ilike("%BC")' }],
    isNaN: [{ ts: 'F.col("d").isNaN()', python: 'F.col("d").isNaN()' }],
    isNotNull: [{ ts: 'F.col("s").isNotNull()', python: 'F.col("s").isNotNull()' }],
    isNull: [{ ts: 'F.col("ts").isNull()', python: 'F.col("ts").isNull()' }],
    isin: [
      { ts: 'F.col("i").isin(5, 0)', python: 'F.col("i").isin(5, 0)' },
      { ts: 'F.col("s").isin(["abc", "x"])', python: 'F.col("s").isin(["abc", "x"])' },
    ],
    like: [{ ts: 'F.col("s").like("_bc")', python: 'F.col("s").like("_bc")' }],
    name: [{ ts: 'F.col("d").name("value")', python: 'F.col("d").name("value")' }],
    otherwise: [
      {
        ts: 'F.when(F.col("i").gt(0), "positive").otherwise("other")',
        python: 'F.when(F.col("i") > 0, "positive").otherwise("other")',
      },
    ],
    over: [
      {
        ts: 'F.sum("i").over(Window.partitionBy("b").orderBy("id"))',
        python: 'F.sum("i").over(Window.partitionBy("b").orderBy("id"))',
      },
    ],
    outer: [
      {
        ts: 'spark.range(1, 4).alias("r").where(df.where(F.col("i").gt(F.col("r.id").outer())).exists())',
        python: 'spark.range(1, 4).alias("r").where(df.where(F.col("i") > F.col("r.id").outer()).exists())',
      },
    ],
    rlike: [{ ts: 'F.col("s2").rlike("^[a-c,]+$")', python: 'F.col("s2").rlike("^[a-c,]+$")' }],
    startswith: [{ ts: 'F.col("url").startswith("http")', python: 'F.col("url").startswith("http")' }],
    substr: [
      { ts: 'F.col("s").substr(2, 3)', python: 'F.col("s").substr(2, 3)' },
      { ts: 'F.col("s").substr(F.col("id"), F.lit(2))', python: 'F.col("s").substr(F.col("id"), F.lit(2))' },
    ],
    try_cast: [{ ts: 'F.col("s2").try_cast("int")', python: 'F.col("s2").try_cast("int")' }],
    transform: [{ ts: 'F.col("i").transform((c) => c.plus(1))', python: 'F.col("i").transform(lambda c: c + 1)' }],
    when: [
      {
        ts: 'F.when(F.col("i").lt(0), -1).when(F.col("i").gt(0), 1)',
        python: 'F.when(F.col("i") < 0, -1).when(F.col("i") > 0, 1)',
      },
    ],
    withField: [{ ts: 'F.col("st").withField("c", F.col("id"))', python: 'F.col("st").withField("c", F.col("id"))' }],
  },
};

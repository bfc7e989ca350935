/**
 * Examples of TableValuedFunction members (`spark.tvf`), for sparkts and PySpark. The catalogue-like functions
 * (collations, sql_keywords) are narrowed to a few rows so the goldens stay small. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

export const tableValuedFunctionExamples: ClassExamplesInput = {
  className: "TableValuedFunction",
  members: {
    collations: [
      {
        ts: 'spark.tvf.collations().where(F.col("NAME").isin("UTF8_BINARY", "UTF8_LCASE"))',
        python: 'spark.tvf.collations().where(F.col("NAME").isin("UTF8_BINARY", "UTF8_LCASE"))',
      },
    ],
    explode: [
      {
        ts: "spark.tvf.explode(F.array(F.lit(1), F.lit(2), F.lit(null)))",
        python: "spark.tvf.explode(F.array(F.lit(1), F.lit(2), F.lit(None)))",
      },
      {
        ts: 'spark.tvf.explode(F.create_map(F.lit("a"), F.lit(1), F.lit("b"), F.lit(2)))',
        python: 'spark.tvf.explode(F.create_map(F.lit("a"), F.lit(1), F.lit("b"), F.lit(2)))',
      },
    ],
    explode_outer: [
      {
        ts: 'spark.tvf.explode_outer(F.array().cast("array<int>"))',
        python: 'spark.tvf.explode_outer(F.array().cast("array<int>"))',
      },
    ],
    inline: [
      {
        ts: 'spark.tvf.inline(F.array(F.struct(F.lit(1).alias("a"), F.lit("x").alias("b")), F.struct(F.lit(2).alias("a"), F.lit("y").alias("b"))))',
        python:
          'spark.tvf.inline(F.array(F.struct(F.lit(1).alias("a"), F.lit("x").alias("b")), F.struct(F.lit(2).alias("a"), F.lit("y").alias("b"))))',
      },
    ],
    inline_outer: [
      {
        ts: 'spark.tvf.inline_outer(F.array().cast("array<struct<a:int,b:string>>"))',
        python: 'spark.tvf.inline_outer(F.array().cast("array<struct<a:int,b:string>>"))',
      },
    ],
    json_tuple: [
      {
        ts: 'spark.tvf.json_tuple(F.lit(\'{"a":1,"b":"two"}\'), F.lit("a"), F.lit("b"), F.lit("c"))',
        python: 'spark.tvf.json_tuple(F.lit(\'{"a":1,"b":"two"}\'), F.lit("a"), F.lit("b"), F.lit("c"))',
      },
    ],
    posexplode: [
      {
        ts: 'spark.tvf.posexplode(F.array(F.lit("p"), F.lit("q")))',
        python: 'spark.tvf.posexplode(F.array(F.lit("p"), F.lit("q")))',
      },
    ],
    posexplode_outer: [
      {
        ts: 'spark.tvf.posexplode_outer(F.lit(null).cast("array<string>"))',
        python: 'spark.tvf.posexplode_outer(F.lit(None).cast("array<string>"))',
      },
    ],
    python_worker_logs: [
      {
        // The table exists only with Python worker logging on (a session setting); no worker ran, so it is empty.
        ts: 'spark.conf.set("spark.sql.pyspark.worker.logging.enabled", true).then(() => spark.tvf.python_worker_logs().select("level", "msg"))',
        python:
          '[spark.conf.set("spark.sql.pyspark.worker.logging.enabled", True), spark.tvf.python_worker_logs().select("level", "msg")][1]',
      },
    ],
    range: [
      { ts: "spark.tvf.range(3)", python: "spark.tvf.range(3)" },
      { ts: "spark.tvf.range(10, 0, -4, 2)", python: "spark.tvf.range(10, 0, -4, 2)" },
    ],
    sql_keywords: [
      {
        ts: 'spark.tvf.sql_keywords().where(F.col("keyword").isin("SELECT", "LATERAL"))',
        python: 'spark.tvf.sql_keywords().where(F.col("keyword").isin("SELECT", "LATERAL"))',
      },
    ],
    stack: [
      {
        ts: 'spark.tvf.stack(F.lit(2), F.lit(1), F.lit("a"), F.lit(2), F.lit("b"))',
        python: 'spark.tvf.stack(F.lit(2), F.lit(1), F.lit("a"), F.lit(2), F.lit("b"))',
      },
    ],
    variant_explode: [
      {
        ts: 'spark.tvf.variant_explode(F.parse_json(F.lit(\'{"a":1,"b":[true,null]}\')))',
        python: 'spark.tvf.variant_explode(F.parse_json(F.lit(\'{"a":1,"b":[true,null]}\')))',
      },
    ],
    variant_explode_outer: [
      {
        ts: 'spark.tvf.variant_explode_outer(F.parse_json(F.lit("3")))',
        python: 'spark.tvf.variant_explode_outer(F.parse_json(F.lit("3")))',
      },
    ],
  },
};

/**
 * Examples of DataFrameWriter members. The generic ones write to Spark's `noop` sink, which runs the write
 * without storing anything; the format shortcuts write under `out` (a fresh directory per example), the table
 * writes to `sparkts_golden_*` tables they overwrite, and JDBC to a Derby in-memory database (Derby ships with
 * Spark). Columns are chosen so each format can store them. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

/** An in-memory Derby database in the server's JVM, created on first use. */
const DERBY_URL = "jdbc:derby:memory:sparkts_golden;create=true";

export const dataframeWriterExamples: ClassExamplesInput = {
  className: "DataFrameWriter",
  members: {
    bucketBy: [
      {
        ts: 'df.select("id", "s").write.bucketBy(2, "id").mode("overwrite").saveAsTable("sparkts_golden_bucket_by")',
        python:
          'df.select("id", "s").write.bucketBy(2, "id").mode("overwrite").saveAsTable("sparkts_golden_bucket_by")',
      },
    ],
    clusterBy: [
      {
        ts: 'df.select("id", "s").write.clusterBy("id").mode("overwrite").saveAsTable("sparkts_golden_cluster_by")',
        python: 'df.select("id", "s").write.clusterBy("id").mode("overwrite").saveAsTable("sparkts_golden_cluster_by")',
      },
    ],
    csv: [
      {
        ts: 'df.select("id", "s").write.csv(out + "/csv", "overwrite", "none", ";")',
        python: 'df.select("id", "s").write.csv(out + "/csv", "overwrite", "none", ";")',
      },
    ],
    insertInto: [
      {
        setup: {
          ts: 'spark.sql("CREATE TABLE IF NOT EXISTS sparkts_golden_insert_into (id INT, s STRING) USING parquet")',
          python: 'spark.sql("CREATE TABLE IF NOT EXISTS sparkts_golden_insert_into (id INT, s STRING) USING parquet")',
        },
        ts: 'df.select("id", "s").write.insertInto("sparkts_golden_insert_into", true)',
        python: 'df.select("id", "s").write.insertInto("sparkts_golden_insert_into", True)',
      },
    ],
    jdbc: [
      {
        ts: `df.select("id", "s").write.jdbc("${DERBY_URL}", "sparkts_golden_write_jdbc", "overwrite")`,
        python: `df.select("id", "s").write.jdbc("${DERBY_URL}", "sparkts_golden_write_jdbc", "overwrite")`,
      },
    ],
    json: [
      {
        ts: 'df.select("id", "s", "arr", "st").write.json(out + "/json")',
        python: 'df.select("id", "s", "arr", "st").write.json(out + "/json")',
      },
    ],
    orc: [{ ts: 'df.write.orc(out + "/orc", "error")', python: 'df.write.orc(out + "/orc", "error")' }],
    parquet: [
      {
        ts: 'df.write.parquet(out + "/parquet", "overwrite", "b", "snappy")',
        python: 'df.write.parquet(out + "/parquet", "overwrite", "b", "snappy")',
      },
    ],
    partitionBy: [
      {
        ts: 'df.select("id", "s", "b").write.partitionBy("b").parquet(out + "/by_b")',
        python: 'df.select("id", "s", "b").write.partitionBy("b").parquet(out + "/by_b")',
      },
    ],
    saveAsTable: [
      {
        ts: 'df.select("id", "s").write.saveAsTable("sparkts_golden_save_as_table", "parquet", "overwrite")',
        python: 'df.select("id", "s").write.saveAsTable("sparkts_golden_save_as_table", "parquet", "overwrite")',
      },
    ],
    sortBy: [
      {
        ts: 'df.select("id", "s").write.bucketBy(2, "id").sortBy("s").mode("overwrite").saveAsTable("sparkts_golden_sort_by")',
        python:
          'df.select("id", "s").write.bucketBy(2, "id").sortBy("s").mode("overwrite").saveAsTable("sparkts_golden_sort_by")',
      },
    ],
    text: [{ ts: 'df.select("s").write.text(out + "/text")', python: 'df.select("s").write.text(out + "/text")' }],
    xml: [
      {
        ts: 'df.select("id", "s").write.xml(out + "/xml", "row")',
        python: 'df.select("id", "s").write.xml(out + "/xml", "row")',
      },
    ],
    format: [
      { ts: 'df.write.format("noop").mode("append").save()', python: 'df.write.format("noop").mode("append").save()' },
    ],
    mode: [
      {
        ts: 'df.write.mode("overwrite").format("noop").save()',
        python: 'df.write.mode("overwrite").format("noop").save()',
      },
    ],
    option: [
      {
        ts: 'df.write.option("compression", "none").option("flag", true).format("noop").mode("overwrite").save()',
        python: 'df.write.option("compression", "none").option("flag", True).format("noop").mode("overwrite").save()',
      },
    ],
    options: [
      {
        ts: 'df.write.options({ a: "1", b: 2 }).format("noop").mode("overwrite").save()',
        python: 'df.write.options(a="1", b=2).format("noop").mode("overwrite").save()',
      },
    ],
    save: [
      { ts: 'df.write.save(undefined, "noop", "overwrite")', python: 'df.write.save(format="noop", mode="overwrite")' },
    ],
  },
};

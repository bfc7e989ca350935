/**
 * Examples of DataFrameReader members. They read the small files of parity-tests/files (`files` is that
 * directory's absolute path; the server runs on this machine), a temporary view, or a Derby in-memory database
 * over JDBC (Derby ships with Spark, so no extra driver is needed). Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

/** An in-memory Derby database in the server's JVM, created on first use. */
const DERBY_URL = "jdbc:derby:memory:sparkts_golden;create=true";

export const dataframeReaderExamples: ClassExamplesInput = {
  className: "DataFrameReader",
  members: {
    csv: [
      {
        ts: 'spark.read.option("header", true).csv(files + "/people.csv", "id INT, name STRING, score DOUBLE")',
        python: 'spark.read.option("header", True).csv(files + "/people.csv", "id INT, name STRING, score DOUBLE")',
      },
    ],
    format: [
      {
        ts: 'spark.read.format("json").load(files + "/people.json")',
        python: 'spark.read.format("json").load(files + "/people.json")',
      },
    ],
    jdbc: [
      {
        setup: {
          ts: `df.select("id", "s").write.jdbc("${DERBY_URL}", "sparkts_golden_read_jdbc", "overwrite")`,
          python: `df.select("id", "s").write.jdbc("${DERBY_URL}", "sparkts_golden_read_jdbc", "overwrite")`,
        },
        ts: `spark.read.jdbc("${DERBY_URL}", "sparkts_golden_read_jdbc").orderBy("ID")`,
        python: `spark.read.jdbc("${DERBY_URL}", "sparkts_golden_read_jdbc").orderBy("ID")`,
      },
    ],
    json: [{ ts: 'spark.read.json(files + "/people.json")', python: 'spark.read.json(files + "/people.json")' }],
    load: [
      { ts: 'spark.read.load(files + "/people.parquet")', python: 'spark.read.load(files + "/people.parquet")' },
      {
        ts: 'spark.read.load(files + "/people.csv", "csv", "id INT, name STRING, score DOUBLE", { header: true })',
        python: 'spark.read.load(files + "/people.csv", "csv", "id INT, name STRING, score DOUBLE", header=True)',
      },
    ],
    option: [
      {
        ts: 'spark.read.option("header", true).option("inferSchema", "true").csv(files + "/people.csv")',
        python: 'spark.read.option("header", True).option("inferSchema", "true").csv(files + "/people.csv")',
      },
    ],
    options: [
      {
        ts: 'spark.read.options({ header: true, inferSchema: "true" }).format("csv").load(files + "/people.csv")',
        python: 'spark.read.options(header=True, inferSchema="true").format("csv").load(files + "/people.csv")',
      },
    ],
    orc: [{ ts: 'spark.read.orc(files + "/people.orc")', python: 'spark.read.orc(files + "/people.orc")' }],
    parquet: [
      { ts: 'spark.read.parquet(files + "/people.parquet")', python: 'spark.read.parquet(files + "/people.parquet")' },
    ],
    schema: [
      {
        ts: 'spark.read.schema("name STRING, id INT").json(files + "/people.json")',
        python: 'spark.read.schema("name STRING, id INT").json(files + "/people.json")',
      },
    ],
    table: [
      {
        setup: {
          ts: 'df.createOrReplaceTempView("sparkts_golden_read_table")',
          python: 'df.createOrReplaceTempView("sparkts_golden_read_table")',
        },
        ts: 'spark.read.table("sparkts_golden_read_table")',
        python: 'spark.read.table("sparkts_golden_read_table")',
      },
    ],
    text: [{ ts: 'spark.read.text(files + "/lines.txt")', python: 'spark.read.text(files + "/lines.txt")' }],
    xml: [
      {
        ts: 'spark.read.xml(files + "/people.xml", "person")',
        python: 'spark.read.xml(files + "/people.xml", "person")',
      },
    ],
  },
};

/**
 * Examples of SparkSession members. Sessions other than `spark` come from the builder with `remote` (the
 * server's URL); an example that makes one stops it. `createDataFrame` has none yet: sparkts sends the column
 * names inside the LocalRelation where PySpark wraps it in a ToDF, and the two Arrow writers serialise the same
 * batch to different bytes, so comparing its plan needs a fix in the session plus an Arrow-content comparison.
 * Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

export const sparkSessionExamples: ClassExamplesInput = {
  className: "SparkSession",
  members: {
    builder: [
      {
        ts: "SparkSession.builder().remote(remote).getOrCreate().then((s) => s.version)",
        python: "SparkSession.builder.remote(remote).getOrCreate().version",
      },
    ],
    catalog: [{ ts: "spark.catalog.currentDatabase()", python: "spark.catalog.currentDatabase()" }],
    clearProgressHandlers: [{ ts: "spark.clearProgressHandlers()", python: "spark.clearProgressHandlers()" }],
    conf: [{ ts: 'spark.conf.get("spark.sql.ansi.enabled")', python: 'spark.conf.get("spark.sql.ansi.enabled")' }],
    interruptAll: [{ ts: "spark.interruptAll()", python: "spark.interruptAll()" }],
    range: [
      { ts: "spark.range(5)", python: "spark.range(5)" },
      { ts: "spark.range(-2, 10, 3, 2)", python: "spark.range(-2, 10, 3, 2)" },
    ],
    read: [{ ts: 'spark.read.json(files + "/people.json")', python: 'spark.read.json(files + "/people.json")' }],
    registerProgressHandler: [
      {
        // Registered on `spark` for the rest of the run: a handler that does nothing changes nothing.
        ts: "spark.registerProgressHandler(() => undefined)",
        python: "spark.registerProgressHandler(lambda **kwargs: None)",
      },
    ],
    removeProgressHandler: [
      {
        ts: "((h) => { spark.registerProgressHandler(h); return spark.removeProgressHandler(h); })(() => undefined)",
        python:
          "(lambda h: (spark.registerProgressHandler(h), spark.removeProgressHandler(h))[1])(lambda **kwargs: None)",
      },
    ],
    sql: [
      { ts: 'spark.sql("SELECT :n + 1 AS x", { n: 41 })', python: 'spark.sql("SELECT :n + 1 AS x", {"n": 41})' },
      { ts: 'spark.sql("SELECT ? AS a, ? AS b", ["x", 2])', python: 'spark.sql("SELECT ? AS a, ? AS b", ["x", 2])' },
      {
        ts: 'spark.sql("SELECT id, s FROM {t} WHERE id > 2", undefined, { t: df })',
        python: 'spark.sql("SELECT id, s FROM {t} WHERE id > 2", t=df)',
      },
    ],
    stop: [
      {
        ts: "SparkSession.builder().remote(remote).create().then((s) => s.stop())",
        python: "SparkSession.builder.remote(remote).create().stop()",
      },
    ],
    table: [
      {
        setup: {
          ts: 'df.createOrReplaceTempView("sparkts_golden_session_table")',
          python: 'df.createOrReplaceTempView("sparkts_golden_session_table")',
        },
        ts: 'spark.table("sparkts_golden_session_table")',
        python: 'spark.table("sparkts_golden_session_table")',
      },
    ],
    version: [{ ts: "spark.version", python: "spark.version" }],
  },
};

/**
 * Examples of SparkSession members. Sessions other than `spark` come from the builder with `remote` (the
 * server's URL); an example that makes one stops it. createDataFrame's Arrow stream is compared decoded (the two
 * Arrow writers serialise the same batch to different bytes); Python dict rows are sorted by key, so the object
 * rows here are written in key order. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

export const sparkSessionExamples: ClassExamplesInput = {
  className: "SparkSession",
  members: {
    active: [
      {
        ts: "SparkSession.builder().remote(remote).getOrCreate().then((s) => SparkSession.active() === s)",
        python: "(lambda s: SparkSession.active() is s)(SparkSession.builder.remote(remote).getOrCreate())",
      },
    ],
    addArtifact: [
      {
        // What the upload leaves is not comparable: LIST FILES names every file of the server (other sessions'
        // too) by a URL holding the session id. The call itself must succeed and return nothing on both.
        ts: 'spark.addArtifact(files + "/lines.txt", { file: true })',
        python: 'spark.addArtifact(files + "/lines.txt", file=True)',
      },
    ],
    addArtifacts: [
      {
        ts: 'spark.addArtifacts(files + "/people.csv", { file: true })',
        python: 'spark.addArtifacts(files + "/people.csv", file=True)',
      },
    ],
    addTag: [
      {
        // Tags are session state: each tag example clears what it added.
        ts: '(() => { spark.addTag("sparkts_golden"); const tags = spark.getTags(); spark.clearTags(); return tags; })()',
        python: '(spark.addTag("sparkts_golden"), sorted(spark.getTags()), spark.clearTags())[1]',
      },
    ],
    builder: [
      {
        ts: "SparkSession.builder().remote(remote).getOrCreate().then((s) => s.version)",
        python: "SparkSession.builder.remote(remote).getOrCreate().version",
      },
    ],
    catalog: [{ ts: "spark.catalog.currentDatabase()", python: "spark.catalog.currentDatabase()" }],
    clearProgressHandlers: [{ ts: "spark.clearProgressHandlers()", python: "spark.clearProgressHandlers()" }],
    clearTags: [
      {
        ts: '(() => { spark.addTag("sparkts_golden"); spark.clearTags(); return spark.getTags(); })()',
        python: '(spark.addTag("sparkts_golden"), spark.clearTags(), sorted(spark.getTags()))[2]',
      },
    ],
    cloneSession: [
      {
        // A session of its own, so the configuration set before cloning does not reach `spark`. PySpark's clone
        // cannot be stopped (it lacks an attribute stop reads), so only the TS form stops it.
        ts: 'SparkSession.builder().remote(remote).create().then(async (s) => { await s.conf.set("spark.sparkts.golden.clone", "yes"); const c = await s.cloneSession(); const value = await c.conf.get("spark.sparkts.golden.clone"); await c.stop(); await s.stop(); return value; })',
        python:
          '(lambda s: (s.conf.set("spark.sparkts.golden.clone", "yes"), (lambda c: (c.conf.get("spark.sparkts.golden.clone"), s.stop())[0])(s.cloneSession()))[1])(SparkSession.builder.remote(remote).create())',
      },
    ],
    conf: [{ ts: 'spark.conf.get("spark.sql.ansi.enabled")', python: 'spark.conf.get("spark.sql.ansi.enabled")' }],
    copyFromLocalToFs: [
      {
        // The servers allow a destination on their local file system
        // (spark.connect.copyFromLocalToFs.allowDestLocal); reading the copy back shows the file arrived.
        ts: 'spark.copyFromLocalToFs(files + "/lines.txt", out + "/copied.txt").then(() => spark.read.text(out + "/copied.txt"))',
        python:
          '[spark.copyFromLocalToFs(files + "/lines.txt", out + "/copied.txt"), spark.read.text(out + "/copied.txt")][1]',
      },
    ],
    createDataFrame: [
      {
        ts: 'spark.createDataFrame([{ a: 1, b: "x" }, { a: 2, b: null }])',
        python: 'spark.createDataFrame([{"a": 1, "b": "x"}, {"a": 2, "b": None}])',
      },
      {
        ts: 'spark.createDataFrame([[1, "x"], [2, "y"]], "a long, b string")',
        python: 'spark.createDataFrame([[1, "x"], [2, "y"]], "a long, b string")',
      },
      {
        ts: 'spark.createDataFrame([[1, "x", true], [2, null, false]], ["n", "s", "flag"])',
        python: 'spark.createDataFrame([[1, "x", True], [2, None, False]], ["n", "s", "flag"])',
      },
      { ts: "spark.createDataFrame([[1.5, 2], [3, 4]])", python: "spark.createDataFrame([[1.5, 2], [3.0, 4]])" },
      {
        ts: 'spark.createDataFrame([], "id int, name string")',
        python: 'spark.createDataFrame([], "id int, name string")',
      },
      {
        // An Arrow table with a schema naming its columns (PySpark casts it by name; its types are kept here, so
        // both clients send the same Arrow data).
        ts: 'df.select("id", "s").toArrow().then((t) => spark.createDataFrame(t, "id int, s string"))',
        python: 'spark.createDataFrame(df.select("id", "s").toArrow(), "id int, s string")',
      },
    ],
    getActiveSession: [
      {
        ts: "SparkSession.builder().remote(remote).getOrCreate().then((s) => SparkSession.getActiveSession() === s)",
        python: "(lambda s: SparkSession.getActiveSession() is s)(SparkSession.builder.remote(remote).getOrCreate())",
      },
    ],
    getTags: [
      {
        ts: '(() => { spark.addTag("sparkts_b"); spark.addTag("sparkts_a"); const tags = [...spark.getTags()].sort(); spark.clearTags(); return tags; })()',
        python: '(spark.addTag("sparkts_b"), spark.addTag("sparkts_a"), sorted(spark.getTags()), spark.clearTags())[2]',
      },
    ],
    interruptAll: [{ ts: "spark.interruptAll()", python: "spark.interruptAll()" }],
    interruptOperation: [
      {
        // No operation runs under this id: nothing is interrupted.
        ts: 'spark.interruptOperation("00000000-0000-0000-0000-000000000000")',
        python: 'spark.interruptOperation("00000000-0000-0000-0000-000000000000")',
      },
    ],
    interruptTag: [
      { ts: 'spark.interruptTag("sparkts_golden_idle")', python: 'spark.interruptTag("sparkts_golden_idle")' },
    ],
    is_stopped: [
      { ts: "spark.is_stopped", python: "spark.is_stopped" },
      {
        ts: "SparkSession.builder().remote(remote).create().then(async (s) => { await s.stop(); return s.is_stopped; })",
        python: "(lambda s: (s.stop(), s.is_stopped)[1])(SparkSession.builder.remote(remote).create())",
      },
    ],
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
    removeTag: [
      {
        ts: '(() => { spark.addTag("sparkts_a"); spark.addTag("sparkts_b"); spark.removeTag("sparkts_a"); const tags = spark.getTags(); spark.clearTags(); return tags; })()',
        python:
          '(spark.addTag("sparkts_a"), spark.addTag("sparkts_b"), spark.removeTag("sparkts_a"), sorted(spark.getTags()), spark.clearTags())[3]',
      },
    ],
    session_id: [
      {
        // A fresh UUID per session: its shape (the lengths of its five groups) is what both must agree on.
        ts: 'spark.session_id.split("-").map((group) => group.length)',
        python: '[len(group) for group in spark.session_id.split("-")]',
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
    tvf: [{ ts: "spark.tvf.range(3)", python: "spark.tvf.range(3)" }],
    udf: [{ ts: "spark.udf.sparkSession === spark", python: "spark.udf.sparkSession is spark" }],
    version: [{ ts: "spark.version", python: "spark.version" }],
  },
};

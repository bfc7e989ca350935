/**
 * Examples of SparkSession.Builder members. Each builds against `remote` (the server's URL) and returns what
 * the session reports or a DataFrame it makes (not an action: sparkts's new session is not the recorded one),
 * since a session object itself has no value to compare; `create` stops the session it made. `master` next to a
 * remote is refused by both (sparkts's master alone selects the embedded engine, which PySpark's Connect builder
 * has no counterpart for). Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

export const sparkSessionBuilderExamples: ClassExamplesInput = {
  className: "SparkSession.Builder",
  members: {
    appName: [
      {
        ts: 'SparkSession.builder().remote(remote).appName("sparkts golden").getOrCreate().then((s) => s.version)',
        python: 'SparkSession.builder.remote(remote).appName("sparkts golden").getOrCreate().version',
      },
    ],
    config: [
      {
        ts: 'SparkSession.builder().remote(remote).config("spark.sparkts.golden", "1").getOrCreate().then((s) => s.conf.get("spark.sparkts.golden"))',
        python:
          'SparkSession.builder.remote(remote).config("spark.sparkts.golden", "1").getOrCreate().conf.get("spark.sparkts.golden")',
      },
    ],
    create: [
      {
        ts: "SparkSession.builder().remote(remote).create().then(async (s) => [await s.version, await s.stop()])",
        python: "(lambda s: [s.version, s.stop()])(SparkSession.builder.remote(remote).create())",
      },
    ],
    getOrCreate: [
      {
        ts: "SparkSession.builder().remote(remote).getOrCreate().then((s) => s.range(3))",
        python: "SparkSession.builder.remote(remote).getOrCreate().range(3)",
      },
    ],
    master: [
      {
        ts: 'SparkSession.builder().master("local[1]").remote(remote).getOrCreate()',
        python: 'SparkSession.builder.master("local[1]").remote(remote).getOrCreate()',
        expectedError: "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER",
      },
    ],
    remote: [
      {
        ts: "SparkSession.builder().remote(remote).getOrCreate().then((s) => s.version)",
        python: "SparkSession.builder.remote(remote).getOrCreate().version",
      },
    ],
  },
};

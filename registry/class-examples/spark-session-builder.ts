/**
 * Examples of SparkSession.Builder members. Each builds against `remote` (the server's URL) and returns what
 * the session reports or a DataFrame it makes (not an action: sparkts's new session is not the recorded one),
 * since a session object itself has no value to compare; `create` stops the session it made. `master` has none: PySpark's Connect builder refuses it next to a remote
 * (CANNOT_CONFIGURE_SPARK_CONNECT_MASTER) and without one asks for a remote, while sparkts's master selects the
 * embedded engine, so no call behaves alike on both. Registry data.
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
    remote: [
      {
        ts: "SparkSession.builder().remote(remote).getOrCreate().then((s) => s.version)",
        python: "SparkSession.builder.remote(remote).getOrCreate().version",
      },
    ],
  },
};

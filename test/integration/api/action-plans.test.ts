/**
 * Golden action plans: the Plans our actions send (count, show, take, first, isEmpty, tail, sql with
 * parameters, temp views) equal the ones PySpark 4.1.1 sends for the same calls, recorded on both sides while
 * the calls run against the real server.
 */
import { toJson } from "@bufbuild/protobuf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import { col } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { sparkRemote } from "../../support/session-url.js";
import { normalisePlanJson } from "./fixture.js";
import { RecordingBackend } from "./recording-backend.js";

type Json = Parameters<typeof normalisePlanJson>[0];

/** Each case: PySpark statements (with `df` = range(10) filtered) and ours; the plans executed are compared. */
const CASES: Record<string, { python: string; ts: (spark: SparkSession) => Promise<unknown> }> = {
  count: { python: "df.count()", ts: (spark) => base(spark).count() },
  show: { python: "df.show(5, truncate=3, vertical=True)", ts: (spark) => base(spark).showString(5, 3, true) },
  take: { python: "df.take(2)", ts: (spark) => base(spark).take(2) },
  first: { python: "df.first()", ts: (spark) => base(spark).first() },
  isEmpty: { python: "df.isEmpty()", ts: (spark) => base(spark).isEmpty() },
  tail: { python: "df.tail(2)", ts: (spark) => base(spark).tail(2) },
  collect: { python: "df.collect()", ts: (spark) => base(spark).collect() },
  sqlPositional: {
    python: `spark.sql("SELECT ? AS a, ? AS b", [1, [1.5, 2.5]])`,
    ts: (spark) => spark.sql("SELECT ? AS a, ? AS b", [1, [1.5, 2.5]]),
  },
  sqlNamed: {
    python: `spark.sql("SELECT :x AS x, :y AS y", {"x": "s", "y": None})`,
    ts: (spark) => spark.sql("SELECT :x AS x, :y AS y", { x: "s", y: null }),
  },
  sqlWithDataFrames: {
    python: `spark.sql("SELECT {c}, '{{literal}}' AS b FROM {df} JOIN {other} USING (id) WHERE id > {n} AND {s} <> ''", df=df, other=spark.range(5), c=F.col("id"), n=3, s="it's \\\\ here")`,
    ts: (spark) =>
      spark.sql("SELECT {c}, '{{literal}}' AS b FROM {df} JOIN {other} USING (id) WHERE id > {n} AND {s} <> ''", null, {
        df: base(spark),
        other: spark.range(5),
        c: col("id"),
        n: 3,
        s: "it's \\ here",
      }),
  },
  tempView: {
    python: `df.createOrReplaceTempView("sparkts_action_plans")`,
    ts: (spark) => base(spark).createOrReplaceTempView("sparkts_action_plans"),
  },
};

/** View names for DataFrames in SQL text are random; number them in order of appearance instead. */
function anonymiseViews(text: string): string {
  const names = new Map<string, string>();
  return text.replace(/_pyspark_connect_temp_view_[0-9a-f]{32}/g, (name) => {
    if (!names.has(name)) names.set(name, `view${names.size}`);
    return names.get(name) ?? name;
  });
}

function base(spark: SparkSession) {
  return spark.range(10).filter(col("id").gt(2));
}

describe("plans sent by actions match PySpark's", () => {
  let golden: Record<string, PySparkJson>;
  const sessions: SparkSession[] = [];

  beforeAll(async () => {
    const lines = Object.entries(CASES).flatMap(([name, c]) => [
      "sent.clear()",
      `${c.python}`,
      `emit(${JSON.stringify(name)}, [MessageToJson(p) for p in sent])`,
    ]);
    golden = await runPySpark(
      [
        "import io, contextlib",
        "from google.protobuf.json_format import MessageToJson",
        "sent = []",
        "client = spark.client",
        "original = client._execute_and_fetch_as_iterator",
        "def recording(req, *args, **kwargs):",
        "    sent.append(req.plan)",
        "    return original(req, *args, **kwargs)",
        "client._execute_and_fetch_as_iterator = recording",
        "df = spark.range(10).filter(F.col('id') > 2)",
        "with contextlib.redirect_stdout(io.StringIO()):",
        ...lines.map((line) => `    ${line}`),
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.stop()));
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: ${c.python}`, async () => {
      const recorder = new RecordingBackend(await RemoteBackend.connect(sparkRemote()));
      const spark = new SparkSession(recorder);
      sessions.push(spark);
      await c.ts(spark);
      const ours = recorder.executed.map((plan) =>
        normalisePlanJson(JSON.parse(anonymiseViews(JSON.stringify(toJson(PlanSchema, plan))))),
      );
      const theirs = (golden[name] as string[]).map((text) =>
        normalisePlanJson(JSON.parse(anonymiseViews(text)) as Json),
      );
      expect(ours).toEqual(theirs);
    });
  }
});

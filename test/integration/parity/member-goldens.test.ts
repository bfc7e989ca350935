/**
 * Member goldens: every registry example of a class member (registry/class-examples) runs through sparkts on
 * the real Spark 4.1.1 server over the parity fixture, and must send the ExecutePlan plans PySpark sent, build
 * the plan PySpark built for the DataFrame (or Column) it returns, print what PySpark printed and give the same
 * result, value for value and type for type (parity-tests/golden/members, scripts/golden-capture-members.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { toJson } from "@bufbuild/protobuf";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { memberExamples } from "../../../generated/parity/classes/index.js";
import { PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import { Column } from "../../../runtime/api/column.js";
import { DataFrame } from "../../../runtime/api/dataframe.js";
import { Observation } from "../../../runtime/api/observation.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { Window } from "../../../runtime/api/window.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import type { PySparkJson, SparkStructJson } from "../../support/pyspark.js";
import { sparkRemote } from "../../support/session-url.js";
import { normalisePlanJson, planJson } from "../api/fixture.js";
import { RecordingBackend } from "../api/recording-backend.js";
import { encodeLikePySpark, encodeUntypedLikePySpark } from "../arrow/pyspark-encoding.js";

type Json = Parameters<typeof normalisePlanJson>[0];

interface Golden {
  readonly ts: string;
  readonly executed?: Json[];
  readonly printed?: string;
  readonly plan?: Json;
  readonly result?: PySparkJson;
  readonly error?: PySparkJson;
}

const GOLDEN_DIR = new URL("../../../parity-tests/golden/members/", import.meta.url);
const FIXTURE_SQL = readFileSync(new URL("../../../parity-tests/fixture.sql", import.meta.url), "utf8");

const goldens = new Map<string, Golden>();
for (const file of readdirSync(GOLDEN_DIR)) {
  const entries = JSON.parse(readFileSync(new URL(file, GOLDEN_DIR), "utf8")) as Record<string, Golden>;
  for (const [key, golden] of Object.entries(entries)) goldens.set(key, golden);
}

const supported = memberExamples.filter((example) => example.spark === "supported");
const keyed = supported.map((example, position) => {
  const index = supported
    .slice(0, position)
    .filter((other) => other.className === example.className && other.member === example.member).length;
  return { key: `${example.className}.${example.member}#${index}`, example };
});

/** Attribute and plan ids in printed plans are session counters; only their places matter. */
function withoutIds(text: string): string {
  return text.replace(/#\d+/g, "#_").replace(/plan_id=\d+/g, "plan_id=_");
}

async function dataFrameResult(df: DataFrame): Promise<PySparkJson> {
  const schema = await df.schema;
  const rows = await df.collect();
  return {
    $dataframe: {
      schema: JSON.parse(schema.json()) as SparkStructJson,
      rows: rows.map((row) => row.values.map((value, i) => encodeLikePySpark(value, schema.fields[i]!.dataType))),
    },
  };
}

describe("class member examples send PySpark's plans and get PySpark's results", () => {
  let recorder: RecordingBackend;
  let spark: SparkSession;

  beforeAll(async () => {
    recorder = new RecordingBackend(await RemoteBackend.connect(sparkRemote()));
    spark = new SparkSession(recorder);
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("has a golden for every example of a member supported on Spark, captured without error", () => {
    const missing = keyed.filter(({ key, example }) => goldens.get(key)?.ts !== example.ts).map(({ key }) => key);
    const failed = [...goldens].filter(([, golden]) => golden.error !== undefined).map(([key]) => key);
    expect({ missing, failed }).toEqual({ missing: [], failed: [] });
  });

  for (const { key, example } of keyed) {
    it(`${key}: ${example.ts}`, async () => {
      const golden = goldens.get(key);
      if (golden?.result === undefined)
        throw new Error(`no golden result for ${key}; run scripts/golden-capture-members.ts`);
      const df = await spark.sql(FIXTURE_SQL);
      recorder.executed.length = 0;
      const printed: string[] = [];
      const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => {
        printed.push(`${parts.map(String).join(" ")}\n`);
      });
      let value: unknown;
      try {
        value = await example.run({ spark, df, Window, Observation });
      } finally {
        log.mockRestore();
      }
      const executed = recorder.executed.map((plan) => normalisePlanJson(toJson(PlanSchema, plan) as Json));
      expect(executed).toEqual((golden.executed ?? []).map(normalisePlanJson));
      expect(withoutIds(printed.join(""))).toBe(withoutIds(golden.printed ?? ""));
      if (value instanceof Column) value = df.select(value);
      if (value instanceof DataFrame) {
        expect(planJson(value)).toEqual(normalisePlanJson(golden.plan ?? null));
        expect(await dataFrameResult(value)).toEqual(golden.result);
      } else {
        expect(encodeUntypedLikePySpark(value)).toEqual(golden.result);
      }
    });
  }
});

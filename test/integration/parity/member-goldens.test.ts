/**
 * Member goldens: every registry example of a class member (registry/class-examples) runs through sparkts on
 * the real Spark 4.1.1 server over the parity fixture, and must send the ExecutePlan plans PySpark sent, build
 * the plan PySpark built for the DataFrame (or Column) it returns, print what PySpark printed and give the same
 * result, value for value and type for type (parity-tests/golden/members, scripts/golden-capture-members.ts).
 * Each example gets a fresh output directory; it and the data directory appear as placeholders on both sides.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
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
import { freshOutDir, MEMBER_FILES_DIR, withPlaceholders } from "../../../scripts/lib/member-golden-paths.js";
import type { PySparkJson, SparkStructJson } from "../../support/pyspark.js";
import { sparkRemote } from "../../support/session-url.js";
import { normalisePlanJson, planJson } from "../api/fixture.js";
import { RecordingBackend } from "../api/recording-backend.js";
import { encodeLikePySpark, encodeUntypedLikePySpark } from "../arrow/pyspark-encoding.js";
import { withDecodedLocalData } from "./local-relation-data.js";

type Json = Parameters<typeof normalisePlanJson>[0];

interface Golden {
  readonly ts: string;
  readonly executed?: Json[];
  readonly printed?: string;
  readonly plan?: Json;
  readonly result?: PySparkJson;
  readonly error?: PySparkJson;
  readonly expectedError?: string;
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

/** The error class of a golden's error, if it has one. */
function errorClassOf(golden: Golden): string | null | undefined {
  return (golden.error as { $error?: { errorClass?: string | null } } | undefined)?.$error?.errorClass;
}

/** Without error, or with exactly the error class the example expects (the server refuses the effect). */
function capturedAsExpected(golden: Golden): boolean {
  if (golden.error === undefined) return golden.expectedError === undefined;
  return golden.expectedError !== undefined && errorClassOf(golden) === golden.expectedError;
}

/**
 * `spark.sql` with DataFrame arguments names each one by a temporary view with a random UUID (PySpark and sparkts
 * alike); only where the name appears matters.
 */
function withoutRandomViewNames<T>(value: T): T {
  const text = JSON.stringify(value).replace(/_pyspark_connect_temp_view_[0-9a-f]{32}/g, "_pyspark_connect_temp_view_");
  return JSON.parse(text) as T;
}

/** Attribute and plan ids in printed plans are session counters; only their places matter. */
function withoutIds(text: string): string {
  return text.replace(/#\d+/g, "#_").replace(/plan_id=\d+/g, "plan_id=_");
}

/**
 * A Python dict with string keys and a NamedTuple both become a plain object in TypeScript (Observation.get's
 * metrics; catalog rows), so string-keyed `$map`s and `$record`s compare as one form on both sides.
 */
function recordsAsOne(value: PySparkJson | undefined): PySparkJson | undefined {
  if (Array.isArray(value)) return value.map((item) => recordsAsOne(item) ?? null);
  if (value === null || typeof value !== "object") return value;
  const entries = (value as { $map?: unknown }).$map;
  if (Array.isArray(entries) && entries.every((entry) => Array.isArray(entry) && typeof entry[0] === "string")) {
    const pairs = entries as [string, PySparkJson][];
    return { $record: Object.fromEntries(pairs.map(([k, v]) => [k, recordsAsOne(v) ?? null])) } as PySparkJson;
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, recordsAsOne(v as PySparkJson) ?? null]),
  ) as PySparkJson;
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
    const failed = [...goldens].filter(([, golden]) => !capturedAsExpected(golden)).map(([key]) => key);
    expect({ missing, failed }).toEqual({ missing: [], failed: [] });
  });

  for (const { key, example } of keyed) {
    it(`${key}: ${example.ts}`, async () => {
      const golden = goldens.get(key);
      const expectsError = example.expectedError !== undefined;
      if (golden === undefined || (golden.result === undefined && !expectsError))
        throw new Error(`no golden result for ${key}; run scripts/golden-capture-members.ts`);
      expect(golden.expectedError).toBe(example.expectedError);
      const df = await spark.sql(FIXTURE_SQL);
      const out = freshOutDir();
      try {
        const scope = {
          spark,
          df,
          Window,
          Observation,
          SparkSession,
          remote: sparkRemote(),
          files: MEMBER_FILES_DIR,
          out,
        };
        await example.setup?.(scope);
        recorder.executed.length = 0;
        const printed: string[] = [];
        const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => {
          printed.push(`${parts.map(String).join(" ")}\n`);
        });
        let value: unknown;
        let failure: unknown;
        try {
          value = await example.run(scope);
        } catch (error) {
          if (!expectsError) throw error;
          failure = error;
        } finally {
          log.mockRestore();
        }
        const executed = recorder.executed.map((plan) =>
          normalisePlanJson(withPlaceholders(toJson(PlanSchema, plan) as Json, out)),
        );
        expect(withDecodedLocalData(withoutRandomViewNames(executed))).toEqual(
          withDecodedLocalData(withoutRandomViewNames((golden.executed ?? []).map(normalisePlanJson))),
        );
        expect(withoutIds(withPlaceholders(printed.join(""), out))).toBe(withoutIds(golden.printed ?? ""));
        if (expectsError) {
          expect((failure as { errorClass?: string } | undefined)?.errorClass).toBe(errorClassOf(golden));
          return;
        }
        if (value instanceof Column) value = df.select(value);
        if (value instanceof DataFrame) {
          expect(withDecodedLocalData(withoutRandomViewNames(withPlaceholders(planJson(value), out)))).toEqual(
            withDecodedLocalData(withoutRandomViewNames(normalisePlanJson(golden.plan ?? null))),
          );
          expect(recordsAsOne(withPlaceholders(await dataFrameResult(value), out))).toEqual(
            recordsAsOne(golden.result),
          );
        } else {
          expect(recordsAsOne(withPlaceholders(encodeUntypedLikePySpark(value), out))).toEqual(
            recordsAsOne(golden.result),
          );
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
});

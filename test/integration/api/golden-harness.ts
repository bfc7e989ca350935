/**
 * Golden comparisons with PySpark 4.1.1 for a table of cases, run live (never transcribed):
 * - `describeGoldenPlans`: the Plan a DataFrame program builds equals PySpark's for the same program;
 * - `describeGoldenActionPlans`: the Plans an action sends (recorded on both sides while it runs) are equal;
 * - `likePySpark`: our collected DataFrame in the runner's `$dataframe` encoding, to compare results value for
 *   value and type for type.
 */
import { toJson } from "@bufbuild/protobuf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import type { StructType } from "../../../runtime/types/index.js";
import {
  type EmittedDataFrame,
  emittedError,
  type PySparkJson,
  runPySpark,
  type SparkStructJson,
} from "../../support/pyspark.js";
import { sparkRemote } from "../../support/session-url.js";
import { encodeLikePySpark } from "../arrow/pyspark-encoding.js";
import { normalisePlanJson, planJson, pysparkPlanJson, testSession } from "./fixture.js";
import { RecordingBackend } from "./recording-backend.js";

type Json = Parameters<typeof normalisePlanJson>[0];

/** A PySpark expression for a DataFrame (after `prelude` ran) and our program building the same DataFrame. */
export interface PlanCase {
  readonly python: string;
  readonly ts: (spark: SparkSession) => DataFrame | Promise<DataFrame>;
}

/** PySpark statements that run an action (after `prelude` ran) and our program running the same action. */
export interface ActionCase {
  readonly python: string;
  readonly ts: (spark: SparkSession) => Promise<unknown>;
}

const PYTHON_IMPORTS = ["from google.protobuf.json_format import MessageToJson", "from pyspark.sql import Observation"];

/** One `it` per case: our plan equals PySpark's, plan ids renumbered. */
export function describeGoldenPlans(title: string, cases: Record<string, PlanCase>, prelude: string[] = []): void {
  describe(title, () => {
    let spark: SparkSession;
    let golden: Record<string, PySparkJson>;

    beforeAll(async () => {
      spark = await testSession();
      const lines = Object.entries(cases).map(
        ([name, c]) => `emit(${JSON.stringify(name)}, MessageToJson((${c.python})._plan.to_proto(spark.client)))`,
      );
      golden = await runPySpark([...PYTHON_IMPORTS, ...prelude, ...lines].join("\n"));
    });

    afterAll(async () => {
      await spark?.stop();
    });

    for (const [name, c] of Object.entries(cases)) {
      it(`${name}: ${c.python.slice(0, 90)}`, async () => {
        expect(planJson(await c.ts(spark))).toEqual(pysparkPlanJson(golden[name]));
      });
    }
  });
}

/**
 * One `it` per case: the plans our action sends equal those PySpark sends. A PySpark statement that raises
 * still has its plans recorded (the error is the server's answer, checked elsewhere), and so do ours.
 */
export function describeGoldenActionPlans(
  title: string,
  cases: Record<string, ActionCase>,
  prelude: string[] = [],
  /** Rewrites each plan's JSON text on both sides, e.g. to blank ids the server chose. */
  normaliseText: (json: string) => string = (json) => json,
): void {
  describe(title, () => {
    let golden: Record<string, PySparkJson>;
    const sessions: SparkSession[] = [];

    beforeAll(async () => {
      const lines = Object.entries(cases).flatMap(([name, c]) => [
        "sent.clear()",
        "try:",
        ...c.python.split("\n").map((line) => `    ${line}`),
        "except Exception:",
        "    pass",
        `emit(${JSON.stringify(name)}, [MessageToJson(p) for p in sent])`,
      ]);
      golden = await runPySpark(
        [
          ...PYTHON_IMPORTS,
          "sent = []",
          "client = spark.client",
          "original = client._execute_and_fetch_as_iterator",
          "def recording(req, *args, **kwargs):",
          "    sent.append(req.plan)",
          "    return original(req, *args, **kwargs)",
          "client._execute_and_fetch_as_iterator = recording",
          ...prelude,
          ...lines,
        ].join("\n"),
      );
    });

    afterAll(async () => {
      await Promise.all(sessions.map((s) => s.stop()));
    });

    for (const [name, c] of Object.entries(cases)) {
      it(`${name}: ${c.python.slice(0, 90)}`, async () => {
        const recorder = new RecordingBackend(await RemoteBackend.connect(sparkRemote()));
        const spark = new SparkSession(recorder);
        sessions.push(spark);
        await c.ts(spark).catch(() => undefined);
        const ours = recorder.executed.map((plan) =>
          normalisePlanJson(JSON.parse(normaliseText(JSON.stringify(toJson(PlanSchema, plan)))) as Json),
        );
        const theirs = (golden[name] as string[]).map((text) =>
          normalisePlanJson(JSON.parse(normaliseText(JSON.stringify(JSON.parse(text)))) as Json),
        );
        expect(ours).toEqual(theirs);
      });
    }
  });
}

/** Our collected rows and schema, encoded the way the PySpark runner encodes an emitted DataFrame. */
export async function likePySpark(df: DataFrame): Promise<EmittedDataFrame> {
  const schema = await df.schema;
  const rows = await df.collect();
  return {
    schema: JSON.parse(schema.json()) as SparkStructJson,
    rows: rows.map((row) => encodeRow(row.values, schema)),
  };
}

function encodeRow(values: readonly unknown[], schema: StructType): PySparkJson[] {
  return values.map((value, i) => {
    const field = schema.fields[i];
    if (field === undefined)
      throw new Error(`row has more values than the schema has fields (${schema.simpleString()})`);
    return encodeLikePySpark(value, field.dataType);
  });
}

/** A PySpark call that raises, and ours (given plain-JS values a typed caller could not pass). */
export interface ArgumentErrorCase {
  readonly python: string;
  readonly ts: (df: DataFrame) => unknown;
}

/**
 * One `it` per case: our call fails with the error class (and argument name, when PySpark names one) that
 * PySpark's raises, whether it throws at once or rejects later; then `stillUsable` shows the session survived.
 */
export function describeArgumentErrors(
  title: string,
  cases: Record<string, ArgumentErrorCase>,
  prelude: string[],
  data: (spark: SparkSession) => DataFrame,
  stillUsable: (spark: SparkSession) => Promise<void>,
): void {
  describe(title, () => {
    let spark: SparkSession;
    let golden: Record<string, PySparkJson>;

    beforeAll(async () => {
      spark = await testSession();
      const lines = Object.entries(cases).map(([name, c]) => `capture(${JSON.stringify(name)}, lambda: ${c.python})`);
      golden = await runPySpark([...prelude, ...lines].join("\n"));
    });

    afterAll(async () => {
      await spark?.stop();
    });

    for (const [name, c] of Object.entries(cases)) {
      it(`${name}: ${c.python}`, async () => {
        const theirs = emittedError(golden, name);
        const failure = await Promise.resolve()
          .then(() => c.ts(data(spark)))
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        expect(failure).toMatchObject({ errorClass: theirs.errorClass });
        const argName = theirs.messageParameters.arg_name;
        if (argName !== undefined) expect(failure).toMatchObject({ messageParameters: { arg_name: argName } });
      });
    }

    it("the session stays usable after the errors", async () => {
      await stillUsable(spark);
    });
  });
}

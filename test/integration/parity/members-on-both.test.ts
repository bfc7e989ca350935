/**
 * DataFrame, Column and GroupedData members on both backends: every member the registry marks `local: supported`
 * runs over the same fixture on the embedded engine and on Spark 4.1.1, and must give the same result.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classEntryInputs } from "../../../registry/classes/index.js";
import { connectRemote } from "../../../runtime/api/backend-loader.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { sparkRemote } from "../../support/session-url.js";
import { MEMBER_CASES, type NewBuilder } from "./member-cases.js";
import { fixture } from "./parity-fixture.js";
import { SESSION_LIFECYCLE_CASES } from "./session-tvf-member-cases.js";
import { settled } from "./settled-outcome.js";

const localSupported = new Set(
  classEntryInputs.flatMap((entry) =>
    entry.members
      .filter((member) => member.status?.local.state === "supported")
      .map((member) => `${entry.name}.${member.name}`),
  ),
);

const settledPromise = (result: Promise<unknown>) => settled(() => result);

describe("class members give the same answer on the embedded engine and on Spark", () => {
  let local: SparkSession;
  let spark: SparkSession;
  let warehouse: string;

  beforeAll(async () => {
    // Managed tables of the catalog cases go to a throwaway warehouse, not ./spark-warehouse.
    warehouse = mkdtempSync(join(tmpdir(), "sparkts-parity-warehouse-"));
    local = new SparkSession(new LocalBackend({ master: "local[2]", warehouseDir: warehouse }));
    // Built directly, not by a builder, so the process has no default or active session until a case makes one.
    spark = new SparkSession(await connectRemote(sparkRemote()));
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
    rmSync(warehouse, { recursive: true, force: true });
  });

  const cases = Object.entries(MEMBER_CASES)
    .map(([name, run]) => ({ name, run }))
    .filter((c) => localSupported.has(c.name));

  /** How a case makes its own sessions on each side: the Spark server by remote(), the engine by master(). */
  const sparkBuilder: NewBuilder = () => SparkSession.builder().remote(sparkRemote());
  const localBuilder: NewBuilder = () => SparkSession.builder().master("local[2]");

  it.each(cases)("$name", async ({ name, run }) => {
    const onSpark = () => settledPromise(run(fixture(spark), spark, sparkBuilder));
    const onEngine = () => settledPromise(run(fixture(local), local, localBuilder));
    // Cases that make, stop or look up the process-wide active session must not overlap.
    const [expected, actual] = SESSION_LIFECYCLE_CASES.has(name)
      ? [await onSpark(), await onEngine()]
      : await Promise.all([onSpark(), onEngine()]);
    expect(actual).toEqual(expected);
  });

  it("every member marked local: supported has a case", () => {
    expect([...localSupported].filter((name) => !(name in MEMBER_CASES))).toEqual([]);
  });
});

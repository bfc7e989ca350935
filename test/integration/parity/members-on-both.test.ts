/**
 * DataFrame, Column and GroupedData members on both backends: every member the registry marks `local: supported`
 * runs over the same fixture on the embedded engine and on Spark 4.1.1, and must give the same result.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classEntryInputs } from "../../../registry/classes/index.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { MEMBER_CASES } from "./member-cases.js";
import { fixture } from "./parity-fixture.js";

const localSupported = new Set(
  classEntryInputs.flatMap((entry) =>
    entry.members
      .filter((member) => member.status?.local.state === "supported")
      .map((member) => `${entry.name}.${member.name}`),
  ),
);

/** A result or the error class it failed with, so failures are compared too. */
async function settle(result: Promise<unknown>): Promise<unknown> {
  try {
    return { value: await result };
  } catch (error) {
    const errorClass = (error as { errorClass?: unknown }).errorClass;
    return { errorClass: typeof errorClass === "string" ? errorClass : String(error) };
  }
}

describe("class members give the same answer on the embedded engine and on Spark", () => {
  let local: SparkSession;
  let spark: SparkSession;
  let warehouse: string;

  beforeAll(async () => {
    // Managed tables of the catalog cases go to a throwaway warehouse, not ./spark-warehouse.
    warehouse = mkdtempSync(join(tmpdir(), "sparkts-parity-warehouse-"));
    local = new SparkSession(new LocalBackend({ master: "local[2]", warehouseDir: warehouse }));
    spark = await testSession();
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
    rmSync(warehouse, { recursive: true, force: true });
  });

  const cases = Object.entries(MEMBER_CASES)
    .map(([name, run]) => ({ name, run }))
    .filter((c) => localSupported.has(c.name));

  it.each(cases)("$name", async ({ run }) => {
    const [expected, actual] = await Promise.all([
      settle(run(fixture(spark), spark)),
      settle(run(fixture(local), local)),
    ]);
    expect(actual).toEqual(expected);
  });

  it("every member marked local: supported has a case", () => {
    expect([...localSupported].filter((name) => !(name in MEMBER_CASES))).toEqual([]);
  });
});

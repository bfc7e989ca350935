/**
 * Session tags and interrupts against the real server: tags are checked as PySpark checks them, ride on every
 * ExecutePlan the session sends (the server finds the operation by tag), and interruptTag / interruptOperation
 * stop exactly the operations they name and return their ids. The long query is a single-partition range sum
 * (one core) that is interrupted as soon as the server reports it running.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { ClientArgumentError, SparkConnectError } from "../../../runtime/errors/index.js";
import type { ProgressHandler } from "../../../runtime/progress/index.js";
import { testSession } from "./fixture.js";

/** Minutes of work for one core: it never finishes within a test, so only an interrupt ends it. */
function slowQuery(spark: SparkSession): DataFrame {
  return spark.range(0, 1_000_000_000_000, 1, 1).selectExpr("sum(id) AS total");
}

/** Resolves with the id of the first operation the server reports progress for. */
function firstRunningOperation(spark: SparkSession): Promise<string> {
  return new Promise((resolve) => {
    const handler: ProgressHandler = (_stages, _inflight, operationId, done) => {
      if (done || operationId === undefined) return;
      spark.removeProgressHandler(handler);
      resolve(operationId);
    };
    spark.registerProgressHandler(handler);
  });
}

function errorOf(thunk: () => unknown): unknown {
  try {
    thunk();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

describe("session tags and interrupts", () => {
  let spark: SparkSession;

  beforeAll(async () => {
    spark = await testSession();
  });

  afterAll(async () => {
    // Never leave a slow query running on the shared server, whatever happened above.
    await spark?.interruptAll();
    await spark?.stop();
  });

  it("rejects the tags PySpark rejects, with its error classes", () => {
    const cases: Array<[unknown, string]> = [
      ["", "VALUE_NOT_NON_EMPTY_STR"],
      ["a,b", "VALUE_ALLOWED"],
      [null, "CANNOT_BE_NONE"],
      [42, "NOT_STR"],
    ];
    for (const [tag, errorClass] of cases) {
      const error = errorOf(() => spark.addTag(tag as string));
      expect(error).toBeInstanceOf(ClientArgumentError);
      expect((error as ClientArgumentError).errorClass).toBe(errorClass);
    }
    expect(spark.getTags()).toEqual([]);
  });

  it("addTag, removeTag, getTags and clearTags keep a set of tags", () => {
    spark.addTag("one");
    spark.addTag("two");
    spark.addTag("one");
    expect(spark.getTags()).toEqual(["one", "two"]);
    spark.removeTag("one");
    expect(spark.getTags()).toEqual(["two"]);
    expect(() => spark.removeTag("one")).toThrow(ClientArgumentError);
    spark.clearTags();
    expect(spark.getTags()).toEqual([]);
  });

  it("interruptTag stops the operation started under the tag and returns its id", async () => {
    spark.addTag("i1-slow");
    const running = firstRunningOperation(spark);
    const query = slowQuery(spark).collect();
    spark.removeTag("i1-slow");
    query.catch(() => undefined);
    const operationId = await running;
    expect(await spark.interruptTag("i1-other")).toEqual([]);
    expect(await spark.interruptTag("i1-slow")).toEqual([operationId]);
    await expect(query).rejects.toBeInstanceOf(SparkConnectError);
    // The tag was removed before anything else ran: a later query carries no tag and is not interrupted.
    const after = await spark.range(3).count();
    expect(after).toBe(3n);
  });

  it("interruptOperation stops one operation by id and returns it", async () => {
    const running = firstRunningOperation(spark);
    const query = slowQuery(spark).collect();
    query.catch(() => undefined);
    const operationId = await running;
    expect(await spark.interruptOperation(operationId)).toEqual([operationId]);
    await expect(query).rejects.toBeInstanceOf(SparkConnectError);
    expect(await spark.interruptOperation(operationId)).toEqual([]);
  });

  it("interruptTag checks its tag like addTag", async () => {
    await expect(spark.interruptTag("a,b")).rejects.toBeInstanceOf(ClientArgumentError);
  });
});

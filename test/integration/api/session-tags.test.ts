/**
 * Session tags and interrupts against the real server: tags are checked as PySpark checks them, ride on every
 * ExecutePlan the session sends (the server finds the operation by tag), and interruptTag / interruptOperation
 * stop exactly the operations they name and return their ids. The long query is a single-partition range sum
 * (one core), interrupted as soon as the server knows it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { ClientArgumentError, SparkConnectError } from "../../../runtime/errors/index.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { sparkRemote } from "../../support/session-url.js";
import { RecordingBackend } from "./recording-backend.js";

/** Minutes of work for one core: it never finishes within a test, so only an interrupt ends it. */
function slowQuery(spark: SparkSession): DataFrame {
  return spark.range(0, 1_000_000_000_000, 1, 1).selectExpr("sum(id) AS total");
}

/** The operation id the client gave the next ExecutePlan after the first `sent`, once the action has sent it. */
async function nextOperationId(recorder: RecordingBackend, sent: number): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const id = recorder.operationIds[sent];
    if (id !== undefined) return id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the query was never sent");
}

/**
 * Calls `interrupt` until it names an operation: the server only knows an operation once its ExecutePlan has
 * arrived, which a loaded machine can delay. Fails if the query ends first or nothing is interrupted in 60 s.
 */
async function interruptWhenRunning(interrupt: () => Promise<string[]>, query: Promise<unknown>): Promise<string[]> {
  let settled = false;
  query.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (settled) throw new Error("the slow query ended before it could be interrupted");
    const ids = await interrupt();
    if (ids.length > 0) return ids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("nothing was interrupted within 60 s");
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
  let recorder: RecordingBackend;

  beforeAll(async () => {
    recorder = new RecordingBackend(await RemoteBackend.connect(sparkRemote()));
    spark = new SparkSession(recorder);
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
    const sent = recorder.operationIds.length;
    const query = slowQuery(spark).collect();
    spark.removeTag("i1-slow");
    query.catch(() => undefined);
    const operationId = await nextOperationId(recorder, sent);
    expect(await spark.interruptTag("i1-other")).toEqual([]);
    expect(await interruptWhenRunning(() => spark.interruptTag("i1-slow"), query)).toEqual([operationId]);
    await expect(query).rejects.toBeInstanceOf(SparkConnectError);
    // The tag was removed before anything else ran: a later query carries no tag and is not interrupted.
    const after = await spark.range(3).count();
    expect(after).toBe(3n);
  });

  it("interruptOperation stops one operation by id and returns it", async () => {
    const sent = recorder.operationIds.length;
    const query = slowQuery(spark).collect();
    query.catch(() => undefined);
    const operationId = await nextOperationId(recorder, sent);
    expect(await interruptWhenRunning(() => spark.interruptOperation(operationId), query)).toEqual([operationId]);
    await expect(query).rejects.toBeInstanceOf(SparkConnectError);
    expect(await spark.interruptOperation(operationId)).toEqual([]);
  });

  it("interruptTag checks its tag like addTag", async () => {
    await expect(spark.interruptTag("a,b")).rejects.toBeInstanceOf(ClientArgumentError);
  });
});

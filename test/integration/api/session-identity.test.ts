/**
 * Which session is which, against the real server: session_id and is_stopped, the active and default session as
 * PySpark's Connect client keeps them, cloneSession (a server-side copy over the same connection, independent
 * afterwards, each side stoppable on its own), and spark.udf.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../../runtime/api/session.js";
import { UDFRegistration } from "../../../runtime/api/udf-registration.js";
import { SparkConnectError } from "../../../runtime/errors/index.js";
import { sparkRemote } from "../../support/session-url.js";

const made: SparkSession[] = [];

async function newSession(): Promise<SparkSession> {
  const session = await SparkSession.builder().remote(sparkRemote()).create();
  made.push(session);
  return session;
}

afterAll(async () => {
  for (const session of made) await session.stop();
});

describe("session identity and lifecycle", () => {
  it("the first session a builder makes is the active one until it stops; active() then fails", async () => {
    expect(SparkSession.getActiveSession()).toBeUndefined();
    expect(() => SparkSession.active()).toThrow(SparkConnectError);
    const first = await newSession();
    const second = await newSession();
    expect(SparkSession.getActiveSession()).toBe(first);
    expect(SparkSession.active()).toBe(first);
    expect(await SparkSession.builder().remote(sparkRemote()).getOrCreate()).toBe(first);
    await first.stop();
    expect(SparkSession.getActiveSession()).toBeUndefined();
    let error: unknown;
    try {
      SparkSession.active();
    } catch (caught) {
      error = caught;
    }
    expect((error as SparkConnectError).errorClass).toBe("NO_ACTIVE_OR_DEFAULT_SESSION");
    // The next session made becomes active again; the one made meanwhile did not take the place.
    const third = await newSession();
    expect(SparkSession.active()).toBe(third);
    expect(second.is_stopped).toBe(false);
  });

  it("session_id is the client's session id and is_stopped turns true on stop", async () => {
    const session = await newSession();
    expect(session.session_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(session.session_id).toBe(session.sessionId);
    expect(session.is_stopped).toBe(false);
    await session.stop();
    expect(session.is_stopped).toBe(true);
    expect(session.isStopped).toBe(true);
  });

  it("cloneSession copies conf and temp views, then each session is independent and stops on its own", async () => {
    const parent = await newSession();
    await parent.conf.set("spark.sql.shuffle.partitions", 11);
    await parent.range(3).createOrReplaceTempView("i1_clone_view");
    const newId = randomUUID();
    const clone = await parent.cloneSession(newId);
    made.push(clone);
    expect(clone.session_id).toBe(newId);
    expect(await clone.conf.get("spark.sql.shuffle.partitions")).toBe("11");
    expect(await clone.table("i1_clone_view").count()).toBe(3n);

    await clone.conf.set("spark.sql.shuffle.partitions", 5);
    expect(await parent.conf.get("spark.sql.shuffle.partitions")).toBe("11");

    // They share one connection: stopping the clone must not close the parent's channel, nor the reverse.
    await clone.stop();
    expect(await parent.range(4).count()).toBe(4n);
    const second = await parent.cloneSession();
    made.push(second);
    await parent.stop();
    expect(await second.table("i1_clone_view").count()).toBe(3n);
  });

  it("udf is the session's UDFRegistration", async () => {
    const session = await newSession();
    expect(session.udf).toBeInstanceOf(UDFRegistration);
    expect(session.udf.sparkSession).toBe(session);
  });
});

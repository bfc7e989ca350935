/**
 * scripts/spark-server.sh shares servers between test runs: acquiring a running server reuses it, and a
 * release by a run that did not start the server never stops it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { runPySpark } from "../../support/pyspark.js";
import { sparkRemote } from "../../support/session-url.js";
import { acquireSparkServer, releaseSparkServer } from "../../support/spark-server.js";

describe("server leases", () => {
  let holder: ChildProcess | undefined;
  afterEach(() => {
    holder?.kill();
  });

  it("a second test run reuses the running default server and its release leaves it running", async () => {
    // A live process stands in for another test run holding a lease.
    holder = spawn("sleep", ["600"], { stdio: "ignore" });
    const pid = holder.pid!;

    const acquired = await acquireSparkServer("default", pid);
    expect(acquired).toEqual({ profile: "default", url: sparkRemote(), started: false });

    await releaseSparkServer("default", pid);
    const out = await runPySpark(`emit("n", spark.range(3).count())`);
    expect(out.n).toBe(3);
  });
});

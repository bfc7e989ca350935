import { afterEach, describe, expect, it, vi } from "vitest";
import { SparkSession } from "./session.js";

describe("choosing the backend", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("runs on the embedded engine when neither remote(...) nor SPARK_REMOTE is given", async () => {
    vi.stubEnv("SPARK_REMOTE", "");
    const spark = await SparkSession.builder().create();
    expect(spark.backend.kind).toBe("local");
    await spark.stop();
  });

  it("lets an explicit master(...) win over SPARK_REMOTE from the environment", async () => {
    // Nothing listens on this port: choosing the remote backend would fail to connect.
    vi.stubEnv("SPARK_REMOTE", "sc://127.0.0.1:1");
    const spark = await SparkSession.builder().master("local[1]").create();
    expect(spark.backend.kind).toBe("local");
    expect(await spark.range(3).count()).toBe(3n);
    await spark.stop();
  });
});

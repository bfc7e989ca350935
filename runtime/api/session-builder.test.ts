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

  it("refuses master(...) and remote(...) together, as PySpark does, before connecting anywhere", async () => {
    const both = () => SparkSession.builder().master("local[1]").remote("sc://127.0.0.1:1");
    await expect(both().getOrCreate()).rejects.toMatchObject({
      errorClass: "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER",
      messageParameters: { master_url: "local[1]", connect_url: "sc://127.0.0.1:1" },
    });
    await expect(both().create()).rejects.toMatchObject({ errorClass: "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER" });
  });
});

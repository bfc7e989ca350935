/**
 * The test servers themselves: both answer, both are Spark 4.1.1, and only the reattach profile forces
 * response streams to end early (which makes every query of a client reattach).
 */
import { describe, expect, it } from "vitest";
import { runPySpark } from "../../support/pyspark.js";
import { reattachRemote, sparkRemote } from "../../support/session-url.js";

const STREAM_DURATION = "spark.connect.execute.reattachable.senderMaxStreamDuration";
const STREAM_SIZE = "spark.connect.execute.reattachable.senderMaxStreamSize";

const describeServer = `
  emit("version", spark.version)
  emit("duration", spark.conf.get("${STREAM_DURATION}"))
  emit("size", spark.conf.get("${STREAM_SIZE}"))
  emit("sum", spark.range(20000).selectExpr("sum(id) as total").first().total)
  emit("rows", len(spark.range(20000).collect()))
`;

describe("Spark Connect test servers", () => {
  it("the default server is Spark 4.1.1 with Spark's stream limits (2 minutes, 1 GiB)", async () => {
    const out = await runPySpark(describeServer, { remote: sparkRemote() });
    expect(out.version).toBe("4.1.1");
    expect(out.duration).toBe("120000ms");
    expect(out.size).toBe("1073741824b");
    expect(out.sum).toBe((19999 * 20000) / 2);
    expect(out.rows).toBe(20000);
  });

  it("the reattach server is Spark 4.1.1 and cuts streams after 1 s or 300 bytes", async () => {
    const out = await runPySpark(describeServer, { remote: reattachRemote() });
    expect(out.version).toBe("4.1.1");
    expect(out.duration).toBe("1s");
    expect(out.size).toBe("300");
    // 20000 rows are far more than 300 bytes, so PySpark had to reattach to receive them all.
    expect(out.sum).toBe((19999 * 20000) / 2);
    expect(out.rows).toBe(20000);
  });

  it("the two profiles are different servers", () => {
    expect(reattachRemote()).not.toBe(sparkRemote());
  });
});

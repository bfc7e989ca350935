import { afterAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../api/session.js";
import { SparkConnectError } from "../../errors/index.js";
import { LocalBackend } from "../local-backend.js";

// A query error in one task of a shuffle stage on `local[2]` ends the job while its sibling tasks may still be
// fetching blocks. Those tasks must settle before the job's shuffles are dropped: a fetch that failed because of
// the cleanup used to mark a live executor as lost, whose outputs the tracker then ignored for good, so every later
// query on the session failed with "Job aborted due to stage failure".
const spark = new SparkSession(new LocalBackend({ master: "local[2]" }));
afterAll(() => spark.stop());

describe("a failed job", () => {
  it("leaves the session's executors usable for the next queries", async () => {
    const rows = Array.from({ length: 8 }, (_, i) => ({ id: i + 1, line: `<a>${i}</a>` }));
    await spark.createDataFrame(rows, "id int, line string").repartition(2).createOrReplaceTempView("cleanup_t");
    for (let round = 0; round < 20; round++) {
      const failure = await (await spark.sql("SELECT id, 1 / (id - id) FROM cleanup_t")).collect().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(SparkConnectError);
      expect((failure as SparkConnectError).errorClass).toBe("DIVIDE_BY_ZERO");
      const rowsBack = await (await spark.sql("SELECT id, upper(line) FROM cleanup_t")).collect();
      expect(rowsBack).toHaveLength(8);
    }
  }, 120_000);
});

/**
 * The datetime builders in a session zone with daylight saving: wall-clock arithmetic (timestamp_add by DAY and
 * MONTH), wall-clock differences, make_timestamp in a gap and convert_timezone give Spark's answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { outcomeOf } from "./parity-fixture.js";

const ZONE = "America/Los_Angeles";

const QUERIES = [
  `SELECT timestampadd(DAY, 1, CAST('2024-03-09 12:00:00' AS TIMESTAMP)), timestampadd(HOUR, 24, CAST('2024-03-09 12:00:00' AS TIMESTAMP)),
     timestampadd(MONTH, 1, CAST('2024-10-03 01:30:00' AS TIMESTAMP)), timestampadd(WEEK, -1, CAST('2024-11-08 00:30:00' AS TIMESTAMP))`,
  `SELECT timestampdiff(DAY, CAST('2024-03-09 12:00:00' AS TIMESTAMP), CAST('2024-03-10 11:59:59' AS TIMESTAMP)),
     timestampdiff(HOUR, CAST('2024-03-09 12:00:00' AS TIMESTAMP), CAST('2024-03-10 12:00:00' AS TIMESTAMP)),
     timestampdiff(MONTH, CAST('2024-01-31 00:00:00' AS TIMESTAMP), CAST('2024-02-29 23:00:00' AS TIMESTAMP)),
     timestampdiff(YEAR, CAST('2025-01-01 00:00:00' AS TIMESTAMP), CAST('2020-01-01 00:00:01' AS TIMESTAMP))`,
  "SELECT make_timestamp(2024, 3, 10, 2, 30, 0), make_timestamp(2024, 11, 3, 1, 30, 0), make_timestamp_ltz(2024, 3, 10, 2, 30, 0, 'UTC')",
  "SELECT convert_timezone('Europe/London', CAST('2024-03-31 01:30:00' AS TIMESTAMP_NTZ)), localtimestamp() IS NOT NULL",
];

describe("datetime builders in a daylight-saving session zone", () => {
  let local: SparkSession;
  let spark: SparkSession;

  beforeAll(async () => {
    local = new SparkSession(new LocalBackend({ master: "local[2]" }));
    spark = await testSession();
    await local.conf.set("spark.sql.session.timeZone", ZONE);
    await spark.conf.set("spark.sql.session.timeZone", ZONE);
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
  });

  it.each(QUERIES)("%s", async (query) => {
    const [expected, actual] = await Promise.all([
      outcomeOf(await spark.sql(query)),
      outcomeOf(await local.sql(query)),
    ]);
    expect(actual).toEqual(expected);
  });
});

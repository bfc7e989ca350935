/**
 * Interval types on the embedded engine against Spark 4.1.1: literals in every SQL spelling, arithmetic with
 * Spark's result types (dates and timestamps shifted by intervals, differences of datetimes), casts to and from
 * strings, comparisons, sum/avg, the overflow and type errors Spark raises, show() text, and grouping by time
 * windows. Each query runs on both backends (several partitions locally) and must give the same schema, rows or
 * error class.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Parity } from "./parity-harness.js";
import * as P from "./plan-builders.js";

const parity = new Parity(process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002");
afterAll(() => parity.close());

const sql = (query: string): P.Rel => ({ relType: { case: "sql", value: { query } } });

async function expectSame(query: string, ordered = false) {
  const { local, spark } = await parity.run(P.plan(sql(query)), ordered);
  expect(spark).toHaveProperty("rows");
  expect(local).toEqual(spark);
  return spark;
}

async function expectSameFailure(query: string, errorClass: string) {
  const { local, spark } = await parity.run(P.plan(sql(query)));
  expect(spark).toMatchObject({ failure: { errorClass } });
  expect(local).toEqual(spark);
}

/** What `df.show(truncate=false)` prints, on both backends. */
async function expectSameShow(query: string) {
  const show: P.Rel = {
    relType: { case: "showString", value: { input: sql(query), numRows: 20, truncate: 0, vertical: false } },
  };
  const { local, spark } = await parity.run(P.plan(show));
  expect(spark).toHaveProperty("rows");
  expect(local).toEqual(spark);
  return spark;
}

const EVENTS = `VALUES
  (1, TIMESTAMP'2024-01-01 10:03:00', 'a', 2), (2, TIMESTAMP'2024-01-01 10:07:30', 'a', 5),
  (3, TIMESTAMP'2024-01-01 10:13:00', 'b', 1), (4, TIMESTAMP'2024-01-01 10:31:00', 'a', 4),
  (5, NULL, 'b', 7), (6, TIMESTAMP'2024-01-01 10:08:00', 'b', 3), (7, TIMESTAMP'2024-01-01 10:35:59.999999', 'a', 6)
  AS t(id, ts, k, v)`;

describe("engine parity: intervals", () => {
  it("reads interval literals in every SQL spelling, with Spark's field ranges", async () => {
    await expectSame(
      "SELECT INTERVAL '1' YEAR, INTERVAL '1-2' YEAR TO MONTH, INTERVAL '-1-11' YEAR TO MONTH, INTERVAL 3 MONTHS, " +
        "INTERVAL 1 YEAR 2 MONTHS, INTERVAL '3 04:05:06.7' DAY TO SECOND, INTERVAL 3 DAYS 2 HOURS, " +
        "INTERVAL '1 day 2 hours' , INTERVAL '10' SECOND, INTERVAL '-05:30' HOUR TO MINUTE, INTERVAL 90 MINUTES, " +
        "INTERVAL 2 WEEKS, INTERVAL 1500 MILLISECONDS, -INTERVAL 3 DAYS",
    );
    // Mixing the families is a parse error (the parser reports a SQLSTATE where Spark's legacy class has none).
    const mixed = await parity.run(P.plan(sql("SELECT INTERVAL 1 YEAR 2 DAYS")));
    for (const side of [mixed.spark, mixed.local])
      expect(side).toMatchObject({ failure: { kind: "ParseException", errorClass: "_LEGACY_ERROR_TEMP_0029" } });
  });

  it("adds, subtracts, scales and negates intervals with Spark's result types", async () => {
    await expectSame(
      "SELECT INTERVAL 3 DAYS + INTERVAL 2 HOURS, INTERVAL 1 DAY - INTERVAL 1 HOUR, INTERVAL 1 YEAR + INTERVAL 2 MONTHS, " +
        "INTERVAL 1 YEAR * 2, 2 * INTERVAL 1 DAY, INTERVAL 3 DAY * 1.5, INTERVAL 1 MONTH / 3, INTERVAL 10 DAYS / 4.0D, " +
        "INTERVAL '1-5' YEAR TO MONTH / 2, INTERVAL 7 SECONDS * 0.5D, -INTERVAL '1-2' YEAR TO MONTH",
    );
  });

  it("shifts dates and timestamps by intervals, and subtracts datetimes into day-time intervals", async () => {
    await expectSame(
      "SELECT DATE'2024-01-31' + INTERVAL 1 MONTH, DATE'2024-01-31' + INTERVAL 1 DAY, DATE'2024-01-01' - INTERVAL 1 DAY, " +
        "DATE'2024-01-01' + INTERVAL 1 HOUR, DATE'2024-01-01' - INTERVAL '1 2' DAY TO HOUR, " +
        "DATE'2024-02-29' - INTERVAL 1 YEAR, TIMESTAMP'2024-01-31 10:00:00' + INTERVAL 1 MONTH, " +
        "TIMESTAMP'2024-01-01 00:00:00' - INTERVAL 90 MINUTES, TIMESTAMP_NTZ'2024-01-01 00:00:00' + INTERVAL 1 HOUR, " +
        "TIMESTAMP'2024-03-01 10:00:00' - TIMESTAMP'2024-01-01 00:00:00', DATE'2024-03-01' - DATE'2024-01-01', " +
        "DATE'2024-01-01' - TIMESTAMP'2023-12-31 12:00:00'",
    );
    await expectSame(
      `SELECT id, ts + INTERVAL '1 02:03:04.5' DAY TO SECOND, ts - INTERVAL 1 MONTH, ts - TIMESTAMP'2024-01-01 00:00:00'
       FROM ${EVENTS}`,
    );
  });

  it("calendar intervals from make_interval meet dates, timestamps and each other", async () => {
    await expectSame(
      "SELECT TIMESTAMP'2024-01-31 10:00:00' + make_interval(0, 1, 0, 1, 2, 0, 0.5), " +
        "DATE'2024-01-31' + make_interval(0, 1, 0, 1), make_interval(0, 1) + make_interval(0, 0, 0, 1), " +
        "-make_interval(1), make_interval(1) - make_interval(0, 1), CAST(make_interval(1, 2, 3, 4, 5, 6, 7.25) AS STRING)",
    );
  });

  it("compares, sorts, groups and aggregates intervals", async () => {
    await expectSame(
      "SELECT INTERVAL 1 YEAR > INTERVAL 11 MONTHS, INTERVAL 1 DAY = INTERVAL 24 HOURS, " +
        "INTERVAL '1 00:00:01' DAY TO SECOND < INTERVAL 1 DAY",
    );
    const values = "VALUES (1, INTERVAL 1 DAY), (2, INTERVAL 2 HOURS), (1, INTERVAL 3 HOURS), (2, NULL) AS t(k, x)";
    await expectSame(`SELECT sum(x), avg(x), min(x), max(x), count(x) FROM ${values}`);
    await expectSame(`SELECT k, sum(x), avg(x) FROM ${values} GROUP BY k`);
    await expectSame(`SELECT x, count(*) FROM ${values} GROUP BY x`);
    await expectSame(`SELECT k, x FROM ${values} ORDER BY x NULLS LAST, k`, true);
    await expectSame(
      "SELECT sum(m), avg(m) FROM VALUES (INTERVAL 1 YEAR), (INTERVAL 2 MONTHS), (INTERVAL 0 MONTHS) AS t(m)",
    );
  });

  it("casts intervals to and from strings and between field ranges", async () => {
    await expectSame(
      "SELECT CAST('1-2' AS INTERVAL YEAR TO MONTH), CAST('INTERVAL ''1-2'' YEAR TO MONTH' AS INTERVAL YEAR TO MONTH), " +
        "CAST('-3 04:05:06.5' AS INTERVAL DAY TO SECOND), CAST('10' AS INTERVAL DAY), " +
        "CAST(INTERVAL '1 02:03' DAY TO MINUTE AS INTERVAL DAY), CAST(INTERVAL '1-11' YEAR TO MONTH AS INTERVAL YEAR), " +
        "CAST(INTERVAL 3 DAYS AS STRING), CAST(INTERVAL '-1 02:03:04.000005' DAY TO SECOND AS STRING), " +
        "CAST('1 day 2 hours' AS INTERVAL), CAST(INTERVAL '1 02' DAY TO HOUR AS INTERVAL HOUR TO SECOND), " +
        "CAST(INTERVAL 1 YEAR AS INT), CAST(5 AS INTERVAL HOUR)",
    );
    await expectSameFailure(
      "SELECT CAST('abc' AS INTERVAL DAY)",
      "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE",
    );
  });

  it("extracts fields from intervals", async () => {
    await expectSame(
      "SELECT extract(day FROM INTERVAL '3 04:05:06.7' DAY TO SECOND), extract(second FROM INTERVAL '3 04:05:06.7' DAY TO SECOND), " +
        "extract(year FROM INTERVAL '1-2' YEAR TO MONTH), extract(month FROM INTERVAL '-1-2' YEAR TO MONTH), " +
        "date_part('hour', INTERVAL '3 04:05:06' DAY TO SECOND), extract(days FROM make_interval(1, 2, 3, 4, 5, 6, 7.5)), " +
        "extract(seconds FROM make_interval(1, 2, 3, 4, 5, 6, 7.5)), extract(hour FROM make_interval(0, 0, 0, 0, 50))",
    );
    await expectSameFailure("SELECT extract(day FROM INTERVAL 1 YEAR)", "INVALID_EXTRACT_FIELD");
    await expectSameFailure("SELECT extract(minute FROM INTERVAL '1 02' DAY TO HOUR)", "INVALID_EXTRACT_FIELD");
  });

  it("raises Spark's errors for overflow, division by zero and mismatched operands", async () => {
    await expectSameFailure("SELECT INTERVAL 1 DAY / 0", "INTERVAL_DIVIDED_BY_ZERO");
    await expectSameFailure(
      "SELECT INTERVAL '178956970-7' YEAR TO MONTH + INTERVAL 1 MONTH",
      "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION",
    );
    await expectSameFailure("SELECT make_dt_interval(106751992)", "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION");
    await expectSameFailure("SELECT make_ym_interval(178956971)", "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION");
    await expectSameFailure("SELECT make_interval(2147483647, 1)", "ARITHMETIC_OVERFLOW");
    await expectSameFailure("SELECT INTERVAL 1 YEAR + INTERVAL 1 DAY", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
    await expectSameFailure("SELECT INTERVAL 1 DAY + 1", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE");
    await expectSameFailure("SELECT INTERVAL 1 DAY - 1", "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES");
    await expectSameFailure("SELECT INTERVAL 1 YEAR % 2", "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES");
    // Scaling overflows with Java's bare ArithmeticException: no error class on either side.
    const { local, spark } = await parity.run(P.plan(sql("SELECT INTERVAL 178956970 YEARS * 100")));
    expect(spark).toMatchObject({ failure: { kind: "ArithmeticException" } });
    expect(local).toEqual(spark);
  });

  it("show() prints intervals as Spark does", async () => {
    await expectSameShow(
      "SELECT INTERVAL 3 DAYS + INTERVAL 2 HOURS AS a, INTERVAL '1-2' YEAR TO MONTH AS b, " +
        "INTERVAL '3 04:05:06.7' DAY TO SECOND AS c, INTERVAL '-05' HOUR AS d, make_interval(1, 2, 3, 4, 5, 6, 7.5) AS e, " +
        "make_interval() AS f, CAST(NULL AS INTERVAL DAY) AS g",
    );
  });

  it("groups by tumbling and sliding time windows", async () => {
    await expectSame(`SELECT window, count(*), sum(v) FROM ${EVENTS} GROUP BY window(ts, '10 minutes')`);
    await expectSame(
      `SELECT window.start, window.end, k, count(*) FROM ${EVENTS} GROUP BY k, window(ts, '10 minutes', '5 minutes', '2 minutes')`,
    );
    await expectSame(`SELECT id, window(ts, '1 hour'), window_time(window(ts, '1 hour')) FROM ${EVENTS}`);
    await expectSameFailure(`SELECT window(ts, '1 month') FROM ${EVENTS}`, "_LEGACY_ERROR_TEMP_3231");
    await expectSameFailure(
      `SELECT window(ts, '10 minutes'), window(ts, '5 minutes') FROM ${EVENTS}`,
      "_LEGACY_ERROR_TEMP_1039",
    );
  });

  it("groups by session windows with static and dynamic gaps", async () => {
    await expectSame(
      `SELECT k, session_window, count(*), max(v) FROM ${EVENTS} GROUP BY k, session_window(ts, '5 minutes')`,
    );
    await expectSame(
      `SELECT session_window(ts, '5 minutes'), count(*) FROM ${EVENTS} GROUP BY session_window(ts, '5 minutes')`,
    );
    await expectSame(
      `SELECT session_window(ts, CASE WHEN k = 'a' THEN make_interval(0, 0, 0, 0, 0, 5) ELSE make_interval(0, 0, 0, 0, 0, 0) END),
         count(*)
       FROM ${EVENTS} GROUP BY session_window(ts, CASE WHEN k = 'a' THEN make_interval(0, 0, 0, 0, 0, 5) ELSE make_interval(0, 0, 0, 0, 0, 0) END)`,
    );
    await expectSame(`SELECT id, session_window(ts, '1 minute') FROM ${EVENTS}`);
  });
});

/**
 * CSV, XML, number-format and text builtins on the embedded engine against Spark 4.1.1: each SQL expression is
 * selected over a small multi-partition table on both backends and must give the same schema and rows, or the
 * same error class.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { SparkConnectError } from "../../../runtime/errors/index.js";
import { testSession } from "../api/fixture.js";
import { outcomeOf } from "../parity/parity-fixture.js";

const ROWS = [
  { id: 1, line: "1,abc,2.5", n: 12.5, txt: "Hi there! How are you? I am fine." },
  { id: 2, line: 'x,"a,b",7', n: -0.25, txt: "one. two" },
  { id: 3, line: null, n: null, txt: null },
  { id: 4, line: "", n: 1234567.891, txt: "" },
];
const DDL = "id int, line string, n double, txt string";

/** Expressions compared row for row over the table (`line`, `n`, `txt` columns). */
const CSV_CASES: readonly string[] = [
  "from_csv(line, 'a INT, b STRING, c DOUBLE')",
  "from_csv(line, 'a STRING, b STRING')",
  "from_csv(line, 'a INT, b STRING, c INT, _corrupt_record STRING')",
  "from_csv('1;\"a;b\"', 'a INT, b STRING', map('sep', ';'))",
  "from_csv('26/08/2015', 'time TIMESTAMP', map('timestampFormat', 'dd/MM/yyyy'))",
  "from_csv('05/01/2024', 'd DATE', map('dateFormat', 'dd/MM/yyyy'))",
  "from_csv('1,2', 'a INT, b INT', map('nullValue', '2'))",
  "from_csv(' 1 , x ', 'a INT, b STRING')",
  "from_csv('\"a\\\\\"b\",c', 'a STRING, b STRING')",
  "from_csv('a,\"\"', 'a STRING, b STRING')",
  "from_csv('1,2.50,true,2024-01-05,2024-01-05 10:11:12', 'a TINYINT, b DECIMAL(5,2), c BOOLEAN, d DATE, e TIMESTAMP_NTZ')",
  "from_csv(line, 'a INT', map('mode', 'FAILFAST'))",
  "from_csv('1', 'a INT', map('mode', 'DROPMALFORMED'))",
  "from_csv('1', 'a ARRAY<INT>')",
  "schema_of_csv('1,abc,2.5')",
  "schema_of_csv('1|x', map('sep', '|'))",
  "schema_of_csv('2024-01-01,true,,12345678901,\"x,y\",1.5e3,2024-01-01 10:00:00')",
  "schema_of_csv('12345678901234567890,1e5,1.0', map('prefersDecimal', 'true'))",
  "schema_of_csv('a,NaN,Infinity,-1,TRUE,1e400')",
  "schema_of_csv(line)",
  "to_csv(named_struct('a', 1, 'b', 'x,y', 'c', CAST(NULL AS INT), 'd', DATE'2024-01-02', 'e', TIMESTAMP'2024-01-02 03:04:05.123456', 'f', 1.5D, 'g', 'q\"u'))",
  "to_csv(named_struct('a', 1, 'b', ''), map('sep', ';', 'nullValue', 'N'))",
  "to_csv(named_struct('a', ' x ', 'b', CAST(NULL AS STRING)), map('nullValue', 'N'))",
  "to_csv(named_struct('a', 1.0E10D, 'b', CAST(1.5 AS FLOAT), 'c', 12.30BD, 'd', true, 'e', X'AB10'))",
  "to_csv(named_struct('d', DATE'2024-01-02', 'e', TIMESTAMP'2024-01-02 03:04:05'), map('dateFormat', 'dd/MM/yyyy', 'timestampFormat', 'yyyy'))",
  "to_csv(named_struct('a', array(1, 2, 3), 'b', array('a', NULL, 'b'), 'c', map('k', 1, 'j', NULL), 'd', named_struct('x', CAST(NULL AS INT), 'y', array(1, 2))))",
  "to_csv(named_struct('a', 'a\\\\b', 'b', ' a,b ', 'c', 'x\\ny', 'd', '\\\\\"', 'e', 'tab\\there'))",
  "to_csv(named_struct('a', 'x\"y'), map('escape', '\"'))",
  "to_csv(named_struct('a', 'x\"y'), map('escapeQuotes', 'false'))",
  "to_csv(named_struct('a', 'x', 'b', 'y'), map('quoteAll', 'true'))",
  "to_csv(named_struct('a', CAST('2024-01-02 03:04:05.1' AS TIMESTAMP_NTZ), 'b', CAST(1 AS TINYINT), 'c', -0.0D, 'd', CAST('NaN' AS DOUBLE)))",
  "to_csv(named_struct('id', id, 'line', line, 'n', n))",
  "to_csv(from_csv(line, 'a INT, b STRING, c DOUBLE'))",
  "to_csv(id)",
  "from_csv(line, 'a INT', 'x')",
];

describe("text formats on the embedded engine and on Spark", () => {
  let local: SparkSession;
  let spark: SparkSession;

  beforeAll(async () => {
    local = new SparkSession(new LocalBackend({ master: "local[2]" }));
    spark = await testSession();
    const view = async (s: SparkSession) =>
      s.createDataFrame(ROWS, DDL).repartition(2).createOrReplaceTempView("text_formats_t");
    await Promise.all([view(spark), view(local)]);
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
  });

  async function outcome(session: SparkSession, expression: string) {
    try {
      return await outcomeOf(await session.sql(`SELECT id, ${expression} FROM text_formats_t`));
    } catch (error) {
      if (!(error instanceof SparkConnectError)) throw error;
      return { error: error.errorClass, kind: error.constructor.name };
    }
  }

  it.each(CSV_CASES)("csv: %s", async (expression) => {
    const [expected, actual] = await Promise.all([outcome(spark, expression), outcome(local, expression)]);
    expect(actual).toEqual(expected);
  });
});

/**
 * The "type fidelity" query: one column per Spark type, four rows each (typical values, two rows of edge cases,
 * nulls), built as a UNION ALL with explicit casts so every row has exactly the column's type.
 */
export interface FidelityColumn {
  readonly name: string;
  /** Spark SQL type the values are cast to; undefined when the expressions already have the type. */
  readonly type?: string;
  readonly values: readonly [string, string, string, string];
}

export const FIDELITY_COLUMNS: readonly FidelityColumn[] = [
  { name: "b", type: "TINYINT", values: ["7", "127", "-128", "NULL"] },
  { name: "s", type: "SMALLINT", values: ["-300", "32767", "-32768", "NULL"] },
  { name: "i", type: "INT", values: ["42", "2147483647", "-2147483648", "NULL"] },
  { name: "l", type: "BIGINT", values: ["9007199254740993", "9223372036854775807", "-9223372036854775808", "NULL"] },
  { name: "f", type: "FLOAT", values: ["1.1", "'NaN'", "'-Infinity'", "NULL"] },
  { name: "d", type: "DOUBLE", values: ["0.1", "'Infinity'", "'NaN'", "NULL"] },
  { name: "dec", type: "DECIMAL(10,2)", values: ["12345678.91", "-0.01", "0", "NULL"] },
  {
    name: "dec38_38",
    type: "DECIMAL(38,38)",
    values: ["'0.99999999999999999999999999999999999999'", "'-0.00000000000000000000000000000000000001'", "0", "NULL"],
  },
  {
    name: "dec38_0",
    type: "DECIMAL(38,0)",
    values: ["'99999999999999999999999999999999999999'", "'-99999999999999999999999999999999999999'", "0", "NULL"],
  },
  { name: "str", type: "STRING", values: ["'héllo wörld'", "''", "'日本語 😀'", "NULL"] },
  { name: "coll", type: "STRING COLLATE UNICODE_CI", values: ["'Abc'", "'ß'", "''", "NULL"] },
  { name: "ch", type: "CHAR(5)", values: ["'ab'", "'abcde'", "''", "NULL"] },
  { name: "vc", type: "VARCHAR(5)", values: ["'ab'", "'abcde'", "''", "NULL"] },
  { name: "bin", type: "BINARY", values: ["X'00FF10'", "X''", "X'DEADBEEF'", "NULL"] },
  { name: "bool", type: "BOOLEAN", values: ["true", "false", "true", "NULL"] },
  { name: "dt", type: "DATE", values: ["DATE'2024-02-29'", "DATE'1969-12-31'", "DATE'0001-01-01'", "NULL"] },
  {
    name: "ts",
    type: "TIMESTAMP",
    values: [
      "TIMESTAMP'2024-02-29 12:34:56.123456'",
      "TIMESTAMP'1969-12-31 23:59:59.999999'",
      "TIMESTAMP'0001-01-01 00:00:00'",
      "NULL",
    ],
  },
  {
    name: "ntz",
    type: "TIMESTAMP_NTZ",
    values: [
      "TIMESTAMP_NTZ'2024-02-29 12:34:56.123456'",
      "TIMESTAMP_NTZ'1900-01-01 00:00:00.000001'",
      "TIMESTAMP_NTZ'9999-12-31 23:59:59.999999'",
      "NULL",
    ],
  },
  { name: "tm", type: "TIME(6)", values: ["TIME'12:34:56.123456'", "TIME'00:00:00'", "TIME'23:59:59.999999'", "NULL"] },
  {
    name: "ym",
    type: "INTERVAL YEAR TO MONTH",
    values: [
      "INTERVAL '1-2' YEAR TO MONTH",
      "INTERVAL '-178956970-8' YEAR TO MONTH",
      "INTERVAL '0-0' YEAR TO MONTH",
      "NULL",
    ],
  },
  {
    name: "mo",
    type: "INTERVAL MONTH",
    values: ["INTERVAL '5' MONTH", "INTERVAL '-13' MONTH", "INTERVAL '0' MONTH", "NULL"],
  },
  {
    name: "dts",
    type: "INTERVAL DAY TO SECOND",
    values: [
      "INTERVAL '1 02:03:04.567891' DAY TO SECOND",
      "INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND",
      "INTERVAL '0 00:00:00.000001' DAY TO SECOND",
      "NULL",
    ],
  },
  {
    name: "hr",
    type: "INTERVAL HOUR",
    values: ["INTERVAL '26' HOUR", "INTERVAL '-5' HOUR", "INTERVAL '0' HOUR", "NULL"],
  },
  {
    name: "ci",
    values: [
      "make_interval(1, 2, 3, 4, 5, 6, 7.891011)",
      "make_interval(0, -1, 0, -1, 0, 0, -0.000001)",
      "make_interval(0, 0, 0, 0, 0, 0, 0)",
      "make_interval(CAST(NULL AS INT))",
    ],
  },
  {
    name: "v",
    values: [
      `parse_json('{"b":[1,2.5,"x",null,true],"a":{"c":12345678901234567890,"d":-7}}')`,
      `parse_json('"just a string"')`,
      "parse_json('null')",
      "CAST(NULL AS VARIANT)",
    ],
  },
  {
    // Typed variant leaves (timestamp, double, float, binary, date, decimal) that JSON input cannot produce.
    name: "vrich",
    values: [
      "to_variant_object(named_struct('t', TIMESTAMP'2020-01-01 12:00:00.5', 'ntz', TIMESTAMP_NTZ'2020-01-01 12:00:00', " +
        "'d', 1.5D, 'big', 1E20D, 'small', 1E-5D, 'f', CAST(1.5 AS FLOAT), 'bin', X'0102', 'date', DATE'1969-12-31', " +
        "'dec', CAST(1.50 AS DECIMAL(5,2)), 'l', 12345678901L, 'nan', CAST('NaN' AS DOUBLE), 'arr', array(1.0D, NULL)))",
      "parse_json('[1.0e300, -2.5e-10, 0.000, 100]')",
      "to_variant_object(array(TIMESTAMP'1969-07-20 20:17:40', DATE'0001-01-01'))",
      "CAST(NULL AS VARIANT)",
    ],
  },
  { name: "arr", type: "ARRAY<INT>", values: ["array(1, NULL, 3)", "array()", "array(NULL)", "NULL"] },
  {
    name: "nested",
    type: "ARRAY<MAP<STRING, STRUCT<x: INT, y: ARRAY<DOUBLE>, z: TIMESTAMP>>>",
    values: [
      "array(map('k1', named_struct('x', 1, 'y', array(1.5D, NULL), 'z', TIMESTAMP'2020-01-01 00:00:00.000001'), 'k2', NULL))",
      "array(NULL, map())",
      "array(map('k', named_struct('x', NULL, 'y', NULL, 'z', NULL)))",
      "NULL",
    ],
  },
  { name: "m", type: "MAP<STRING, BIGINT>", values: ["map('a', 1, 'b', NULL)", "map()", "map('z', -1)", "NULL"] },
  {
    name: "st",
    type: "STRUCT<a: INT, b: STRING, c: STRUCT<d: DATE>>",
    values: [
      "named_struct('a', 1, 'b', 'x', 'c', named_struct('d', DATE'1950-06-15'))",
      "named_struct('a', NULL, 'b', NULL, 'c', NULL)",
      "named_struct('a', -1, 'b', '', 'c', named_struct('d', NULL))",
      "NULL",
    ],
  },
  {
    name: "dup",
    values: [
      "named_struct('a', 1, 'a', 'one')",
      "named_struct('a', 2, 'a', 'two')",
      "named_struct('a', 3, 'a', NULL)",
      "CAST(NULL AS STRUCT<a: INT, a: STRING>)",
    ],
  },
  { name: "n", values: ["NULL", "NULL", "NULL", "NULL"] },
];

/** Columns PySpark 4.1.1 cannot collect (its Arrow conversion rejects them); checked against raw Arrow instead. */
export const RAW_ARROW_COLUMNS = ["ym", "mo", "ci"] as const;

export function fidelityQuery(columns: readonly FidelityColumn[] = FIDELITY_COLUMNS): string {
  const rows = [0, 1, 2, 3].map((row) => {
    const cells = columns.map((c) => {
      const value = c.values[row] as string;
      return `${c.type === undefined ? value : `CAST(${value} AS ${c.type})`} AS ${c.name}`;
    });
    return `SELECT ${row} AS k, ${cells.join(", ")}`;
  });
  return `SELECT * FROM (${rows.join(" UNION ALL ")}) ORDER BY k`;
}

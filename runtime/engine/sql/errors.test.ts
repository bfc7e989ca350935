/**
 * Parse errors: class, SQLSTATE, parameters and message text as Spark 4.1.1 produces them for the same input
 * (each expected message below was taken from the real server's ParseException for that SQL).
 */
import { describe, expect, it } from "vitest";
import { ParseException } from "../../errors/index.js";
import { parseDataType, parseExpression, parseSql, parseTableIdentifier } from "./index.js";
import { parseError } from "./sql-test-helpers.js";

describe("PARSE_SYNTAX_ERROR", () => {
  it.each([
    [
      "SELECT 1 +",
      "end of input",
      "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 (line 1, pos 10)\n\n== SQL ==\nSELECT 1 +\n----------^^^\n",
    ],
    [
      "SELECT * FROM t WHERE a = = 1",
      "'='",
      "[PARSE_SYNTAX_ERROR] Syntax error at or near '='. SQLSTATE: 42601 (line 1, pos 26)\n\n== SQL ==\nSELECT * FROM t WHERE a = = 1\n--------------------------^^^\n",
    ],
    [
      "SELECT (1 + 2",
      "end of input",
      "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 (line 1, pos 13)\n\n== SQL ==\nSELECT (1 + 2\n-------------^^^\n",
    ],
    [
      "SELECT a\nFROM t\nWHERE b >",
      "end of input",
      "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 (line 3, pos 9)\n\n== SQL ==\nSELECT a\nFROM t\nWHERE b >\n---------^^^\n",
    ],
    [
      "SELEC 1",
      "'SELEC'",
      "[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)\n\n== SQL ==\nSELEC 1\n^^^\n",
    ],
    [
      "SELECT 'abc",
      "'''",
      "[PARSE_SYNTAX_ERROR] Syntax error at or near '''. SQLSTATE: 42601 (line 1, pos 7)\n\n== SQL ==\nSELECT 'abc\n-------^^^\n",
    ],
    [
      "SELECT 1 FROM t GROUP BY",
      "end of input",
      "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 (line 1, pos 24)\n\n== SQL ==\nSELECT 1 FROM t GROUP BY\n------------------------^^^\n",
    ],
  ])("%j", (sql, near, message) => {
    const error = parseError(() => parseSql(sql));
    expect(error).toBeInstanceOf(ParseException);
    expect(error.errorClass).toBe("PARSE_SYNTAX_ERROR");
    expect(error.sqlState).toBe("42601");
    expect(error.messageParameters).toEqual({ error: near, hint: "" });
    expect(error.message).toBe(message);
  });

  it("reports extra input after a complete statement with Spark's hint", () => {
    const error = parseError(() => parseSql("SELECT 1)"));
    expect(error.messageParameters).toEqual({ error: "')'", hint: ": extra input ')'" });
    expect(error.message).toBe(
      "[PARSE_SYNTAX_ERROR] Syntax error at or near ')': extra input ')'. SQLSTATE: 42601 (line 1, pos 8)\n\n== SQL ==\nSELECT 1)\n--------^^^\n",
    );
  });

  it("carries the position as a query context", () => {
    const error = parseError(() => parseSql("SELECT a\nFROM t\nWHERE b >"));
    expect(error.queryContext[0]).toMatchObject({ line: 3, column: 9, startIndex: 25 });
  });

  it("accepts trailing semicolons", () => {
    expect(parseSql("SELECT 1 ;; ").kind).toBe("query");
  });
});

describe("errors with their own classes", () => {
  it.each([
    [
      "SELECT CAST(1 AS foo)",
      "UNSUPPORTED_DATATYPE",
      { typeName: '"FOO"' },
      '[UNSUPPORTED_DATATYPE] Unsupported data type "FOO". SQLSTATE: 0A000\n== SQL (line 1, position 18) ==\nSELECT CAST(1 AS foo)\n                 ^^^\n',
    ],
    [
      "SELECT date '2020-13-45'",
      "INVALID_TYPED_LITERAL",
      { valueType: '"DATE"', value: "'2020-13-45'" },
      "[INVALID_TYPED_LITERAL] The value of the typed literal \"DATE\" is invalid: '2020-13-45'. SQLSTATE: 42604\n== SQL (line 1, position 8) ==\nSELECT date '2020-13-45'\n       ^^^^^^^^^^^^^^^^^\n",
    ],
    [
      "select x'0G'",
      "INVALID_TYPED_LITERAL",
      { valueType: '"X"', value: "'0G'" },
      "[INVALID_TYPED_LITERAL] The value of the typed literal \"X\" is invalid: '0G'. SQLSTATE: 42604\n== SQL (line 1, position 8) ==\nselect x'0G'\n       ^^^^^\n",
    ],
    [
      "VALUES (1, 2), (3)",
      "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH",
      { expectedNumCols: "2", actualNumCols: "1", rowIndex: "1" },
      "[INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH] Invalid inline table. Inline table expected 2 columns but found 1 columns in row 1. SQLSTATE: 42000\n== SQL (line 1, position 1) ==\nVALUES (1, 2), (3)\n^^^^^^^^^^^^^^^^^^\n",
    ],
    ["SELECT 'a' LIKE 'x' ESCAPE 'ab'", "INVALID_ESC", { invalidEscape: "'ab'" }, undefined],
    [
      "SELECT 9223372036854775808L",
      "INVALID_NUMERIC_LITERAL_RANGE",
      {
        rawStrippedQualifier: "9223372036854775808",
        minValue: "-9223372036854775808",
        maxValue: "9223372036854775807",
        typeName: "bigint",
      },
      undefined,
    ],
    [
      "SELECT interval '1 2' year to month",
      "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING",
      {
        supportedFormat: "`[+|-]y-m`, `INTERVAL [+|-]'[+|-]y-m' YEAR TO MONTH`",
        intervalStr: "year-month",
        input: "1 2",
        typeName: "interval year to month",
      },
      undefined,
    ],
  ])("%s", (sql, errorClass, parameters, message) => {
    const error = parseError(() => parseSql(sql));
    expect(error.errorClass).toBe(errorClass);
    expect(error.messageParameters).toEqual(parameters);
    if (message !== undefined) expect(error.message).toBe(message);
  });

  it("reports LIMIT problems with Spark's parameters", () => {
    const negative = parseError(() => parseSql("SELECT 1 LIMIT -1"));
    expect(negative.errorClass).toBe("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE");
    expect(negative.messageParameters).toEqual({ name: "limit", expr: '"-1"', v: "-1" });
  });

  it("names a missing WINDOW definition", () => {
    const error = parseError(() => parseSql("SELECT sum(1) OVER w"));
    expect(error.errorClass).toBe("MISSING_WINDOW_SPECIFICATION");
    expect(error.messageParameters).toEqual({ docroot: "https://spark.apache.org/docs/latest", windowName: "w" });
  });
});

describe("the other entry points fail the same way", () => {
  it("parseExpression, parseDataType and parseTableIdentifier reject trailing input", () => {
    expect(parseError(() => parseExpression("a b c")).messageParameters).toEqual({
      error: "'c'",
      hint: ": extra input 'c'",
    });
    expect(parseError(() => parseDataType("int int")).errorClass).toBe("PARSE_SYNTAX_ERROR");
    expect(parseError(() => parseTableIdentifier("a.b c")).errorClass).toBe("PARSE_SYNTAX_ERROR");
  });
});

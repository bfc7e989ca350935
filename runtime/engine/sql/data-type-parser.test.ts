import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { DataTypeSchema } from "../../../generated/proto/spark/connect/types_pb.js";
import { parseDataType, parseTableIdentifier } from "./index.js";
import { parseError } from "./sql-test-helpers.js";

const typeJson = (text: string) => toJson(DataTypeSchema, parseDataType(text));

describe("parseDataType", () => {
  it.each([
    ["boolean", { boolean: {} }],
    ["TINYINT", { byte: {} }],
    ["byte", { byte: {} }],
    ["smallint", { short: {} }],
    ["int", { integer: {} }],
    ["Integer", { integer: {} }],
    ["bigint", { long: {} }],
    ["long", { long: {} }],
    ["float", { float: {} }],
    ["real", { float: {} }],
    ["double", { double: {} }],
    ["string", { string: {} }],
    ["binary", { binary: {} }],
    ["date", { date: {} }],
    ["timestamp", { timestamp: {} }],
    ["timestamp_ltz", { timestamp: {} }],
    ["timestamp_ntz", { timestampNtz: {} }],
    ["void", { null: {} }],
    ["variant", { variant: {} }],
    ["decimal", { decimal: { precision: 10, scale: 0 } }],
    ["decimal(5)", { decimal: { precision: 5, scale: 0 } }],
    ["numeric(10, 2)", { decimal: { precision: 10, scale: 2 } }],
    ["dec(38,38)", { decimal: { precision: 38, scale: 38 } }],
    ["char(3)", { char: { length: 3 } }],
    ["varchar(10)", { varChar: { length: 10 } }],
    ["interval year", { yearMonthInterval: { startField: 0, endField: 0 } }],
    ["interval year to month", { yearMonthInterval: { startField: 0, endField: 1 } }],
    ["interval day to second", { dayTimeInterval: { startField: 0, endField: 3 } }],
    ["interval hour to minute", { dayTimeInterval: { startField: 1, endField: 2 } }],
    ["interval", { calendarInterval: {} }],
    ["string collate UTF8_LCASE", { string: { collation: "UTF8_LCASE" } }],
    ["array<int>", { array: { elementType: { integer: {} }, containsNull: true } }],
    [
      "map<string, array<bigint>>",
      {
        map: {
          keyType: { string: {} },
          valueType: { array: { elementType: { long: {} }, containsNull: true } },
          valueContainsNull: true,
        },
      },
    ],
  ])("%s", (text, expected) => {
    expect(typeJson(text)).toEqual(expected);
  });

  it("reads struct fields with or without colons, NOT NULL and COMMENT", () => {
    expect(typeJson("struct<a:int, `b c` string NOT NULL, d: array<struct<e:double>> COMMENT 'x'>")).toEqual({
      struct: {
        fields: [
          { name: "a", dataType: { integer: {} }, nullable: true },
          { name: "b c", dataType: { string: {} } },
          {
            name: "d",
            dataType: {
              array: {
                elementType: { struct: { fields: [{ name: "e", dataType: { double: {} }, nullable: true }] } },
                containsNull: true,
              },
            },
            nullable: true,
            metadata: '{"comment":"x"}',
          },
        ],
      },
    });
    expect(typeJson("struct<>")).toEqual({ struct: {} });
  });

  it("splits `>>` closing two nested types", () => {
    expect(typeJson("array<array<int>>")).toEqual({
      array: { elementType: { array: { elementType: { integer: {} }, containsNull: true } }, containsNull: true },
    });
  });

  it("rejects unknown types and impossible decimals with Spark's error classes", () => {
    const unknown = parseError(() => parseDataType("number"));
    expect(unknown.errorClass).toBe("UNSUPPORTED_DATATYPE");
    expect(unknown.messageParameters).toEqual({ typeName: '"NUMBER"' });
    expect(parseError(() => parseDataType("decimal(40, 2)")).errorClass).toBe(
      "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
    );
    expect(parseError(() => parseDataType("interval month to year")).errorClass).toBe("PARSE_SYNTAX_ERROR");
    expect(parseError(() => parseDataType("array<int")).errorClass).toBe("PARSE_SYNTAX_ERROR");
  });
});

describe("parseTableIdentifier", () => {
  it("splits and unquotes", () => {
    expect(parseTableIdentifier("t")).toEqual(["t"]);
    expect(parseTableIdentifier("cat.db.`my.table`")).toEqual(["cat", "db", "my.table"]);
    expect(parseTableIdentifier("`a``b`")).toEqual(["a`b"]);
  });
});

import { describe, expect, it } from "vitest";
import { ParseException } from "../errors/index.js";
import {
  ArrayType,
  DayTimeIntervalType,
  DecimalType,
  fromArrowSchema,
  IntegerType,
  MapType,
  parseDataType,
  parseDDL,
  parseSchema,
  StringType,
  StructField,
  StructType,
  TimestampType,
  toArrowSchema,
  YearMonthIntervalType,
} from "./index.js";
import { dataTypeFromJson } from "./type-json.js";
import { dataTypeFromProto, dataTypeToProto } from "./type-proto.js";

const EVERY_TYPE = parseSchema(
  "n VOID, b BOOLEAN, t TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, dec DECIMAL(38,38), " +
    "str STRING, coll STRING COLLATE UNICODE_CI, ch CHAR(3), vc VARCHAR(9), bin BINARY, dt DATE, ts TIMESTAMP, " +
    "ntz TIMESTAMP_NTZ, tm TIME(3), ym INTERVAL YEAR TO MONTH, mo INTERVAL MONTH, dtm INTERVAL DAY TO SECOND, " +
    "h INTERVAL HOUR, ci INTERVAL, v VARIANT, " +
    "nested ARRAY<MAP<STRING, STRUCT<x: INT NOT NULL, y: ARRAY<STRING COLLATE UTF8_LCASE>>>> NOT NULL COMMENT 'deep'",
);

describe("JSON and proto round trips", () => {
  it("keeps every type through json() → fromJson", () => {
    const back = dataTypeFromJson(EVERY_TYPE.json());
    expect(back.json()).toBe(EVERY_TYPE.json());
    expect(back.simpleString()).toBe(EVERY_TYPE.simpleString());
  });

  it("keeps every type through the DataType proto", () => {
    const back = dataTypeFromProto(dataTypeToProto(EVERY_TYPE));
    expect(back.json()).toBe(EVERY_TYPE.json());
  });

  it("reads collations back out of __COLLATIONS metadata", () => {
    const type = dataTypeFromJson(
      '{"type":"struct","fields":[{"name":"m","type":{"type":"map","keyType":"string","valueType":"string","valueContainsNull":true},"nullable":true,"metadata":{"__COLLATIONS":{"m.value":"icu.UNICODE_CI"}}}]}',
    ) as StructType;
    expect(type.fields[0]?.dataType.simpleString()).toBe("map<string,string collate UNICODE_CI>");
    expect(type.fields[0]?.metadata).toEqual({});
  });

  it("fails clearly on unknown JSON", () => {
    expect(() => dataTypeFromJson('"integr"')).toThrow(/Unknown data type name "integr"/);
    expect(() => dataTypeFromJson("{")).toThrow(/not valid JSON/);
  });
});

describe("DDL parsing", () => {
  it("parses column lists with NOT NULL and COMMENT", () => {
    const nested = EVERY_TYPE.field("nested");
    expect(nested?.nullable).toBe(false);
    expect(nested?.metadata).toEqual({ comment: "deep" });
    expect(EVERY_TYPE.field("ym")?.dataType).toEqual(new YearMonthIntervalType(0, 1));
    expect(EVERY_TYPE.field("h")?.dataType).toEqual(new DayTimeIntervalType(1, 1));
    expect(EVERY_TYPE.field("ts")?.dataType).toBe(TimestampType.instance);
  });

  it("parses single types, case-insensitively", () => {
    expect(parseDataType("decimal(10,2)")).toEqual(new DecimalType(10, 2));
    expect(parseDataType("Decimal")).toEqual(new DecimalType(10, 0));
    expect(parseDataType("array<map<string,int>>")).toEqual(
      new ArrayType(new MapType(StringType.instance, IntegerType.instance)),
    );
    expect(parseDataType("struct<`a b`:int,c string>")).toEqual(
      new StructType([new StructField("a b", IntegerType.instance), new StructField("c", StringType.instance)]),
    );
  });

  it("parseDDL accepts either a column list or one type", () => {
    expect(parseDDL("a INT, b ARRAY<STRING>").simpleString()).toBe("struct<a:int,b:array<string>>");
    expect(parseDDL("int")).toBe(IntegerType.instance);
    expect(parseDDL("decimal(10,2)")).toEqual(new DecimalType(10, 2));
    expect(parseDDL("")).toEqual(new StructType([]));
  });

  it("names the problem on bad input", () => {
    expect(() => parseDDL("a INTT")).toThrow(ParseException);
    expect(() => parseDDL("a INTT")).toThrow(/'INTT'/);
    expect(() => parseDataType("array<int")).toThrow(/expected '>'/);
    expect(() => parseDataType("decimal(40,2)")).toThrow(/DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION/);
    expect(() => parseDDL("a INT,")).toThrow(/PARSE_SYNTAX_ERROR/);
  });
});

describe("Arrow schemas", () => {
  it("round-trips through the Arrow schema Spark would send, widening only what Arrow cannot say", () => {
    const back = fromArrowSchema(toArrowSchema(EVERY_TYPE));
    const widened: Record<string, string> = {
      coll: "string",
      ch: "string",
      vc: "string",
      tm: "time(6)",
      mo: "interval year to month",
      h: "interval day to second",
    };
    back.fields.forEach((field, i) => {
      const original = EVERY_TYPE.fields[i];
      expect(field.name).toBe(original?.name);
      const nested = field.name === "nested" ? "array<map<string,struct<x:int,y:array<string>>>>" : undefined;
      expect(field.dataType.simpleString()).toBe(widened[field.name] ?? nested ?? original?.dataType.simpleString());
    });
    expect(back.field("v")?.dataType.kind).toBe("variant");
    expect(back.field("ts")?.dataType.kind).toBe("timestamp");
    expect(back.field("ntz")?.dataType.kind).toBe("timestamp_ntz");
  });
});

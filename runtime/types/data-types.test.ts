import { describe, expect, it } from "vitest";
import {
  ArrayType,
  BinaryType,
  ByteType,
  CalendarIntervalType,
  CharType,
  DayTimeIntervalType,
  DecimalType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  StringType,
  StructField,
  StructType,
  TimestampNTZType,
  TimeType,
  VarcharType,
  VariantType,
  YearMonthIntervalType,
} from "./index.js";

// Expected names as PySpark 4.1.1 reports them (typeName | simpleString | json).
const NAMES: Array<[string, { typeName(): string; simpleString(): string; json(): string }, string, string, string]> = [
  ["null", NullType.instance, "void", "void", '"void"'],
  ["byte", ByteType.instance, "byte", "tinyint", '"byte"'],
  ["integer", IntegerType.instance, "integer", "int", '"integer"'],
  ["long", LongType.instance, "long", "bigint", '"long"'],
  ["decimal", new DecimalType(10, 2), "decimal", "decimal(10,2)", '"decimal(10,2)"'],
  ["collated", new StringType("UNICODE_CI"), "string", "string collate UNICODE_CI", '"string collate UNICODE_CI"'],
  ["char", new CharType(5), "char", "char(5)", '"char(5)"'],
  ["varchar", new VarcharType(5), "varchar", "varchar(5)", '"varchar(5)"'],
  ["ntz", TimestampNTZType.instance, "timestamp_ntz", "timestamp_ntz", '"timestamp_ntz"'],
  ["time", new TimeType(3), "time", "time(3)", '"time(3)"'],
  ["ym", new YearMonthIntervalType(), "yearmonthinterval", "interval year to month", '"interval year to month"'],
  ["month", new YearMonthIntervalType(1, 1), "yearmonthinterval", "interval month", '"interval month"'],
  ["dt", new DayTimeIntervalType(1, 2), "daytimeinterval", "interval hour to minute", '"interval hour to minute"'],
  ["calendar", CalendarIntervalType.instance, "interval", "interval", '"interval"'],
  ["variant", VariantType.instance, "variant", "variant", '"variant"'],
  [
    "map",
    new MapType(new StringType(), LongType.instance, false),
    "map",
    "map<string,bigint>",
    '{"keyType":"string","type":"map","valueContainsNull":false,"valueType":"long"}',
  ],
];

describe("type names", () => {
  for (const [label, type, typeName, simple, json] of NAMES) {
    it(label, () => {
      expect(type.typeName()).toBe(typeName);
      expect(type.simpleString()).toBe(simple);
      expect(type.json()).toBe(json);
    });
  }

  it("moves a struct field's collations into __COLLATIONS metadata, like Spark", () => {
    const schema = new StructType([
      new StructField("a", IntegerType.instance),
      new StructField("b", new StringType("UTF8_LCASE"), false, { x: 1 }),
      new StructField("c", new MapType(new StringType("UNICODE"), new ArrayType(new StringType("UNICODE_CI")))),
    ]);
    expect(schema.simpleString()).toBe(
      "struct<a:int,b:string collate UTF8_LCASE,c:map<string collate UNICODE,array<string collate UNICODE_CI>>>",
    );
    const json = JSON.parse(schema.json());
    expect(json.fields[1]).toEqual({
      metadata: { __COLLATIONS: { b: "spark.UTF8_LCASE" }, x: 1 },
      name: "b",
      nullable: false,
      type: "string",
    });
    expect(json.fields[2].metadata).toEqual({
      __COLLATIONS: { "c.key": "icu.UNICODE", "c.value.element": "icu.UNICODE_CI" },
    });
  });

  it("rejects impossible parameters with Spark's error classes", () => {
    expect(() => new DecimalType(39, 0)).toThrow(/DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION/);
    expect(() => new DecimalType(5, 6)).toThrow(/INVALID_DECIMAL_SCALE/);
    expect(() => new TimeType(7)).toThrow(/UNSUPPORTED_TIME_PRECISION/);
    expect(() => new YearMonthIntervalType(1, 0)).toThrow(/INVALID_INTERVAL_FIELDS/);
  });

  it("equals compares structure", () => {
    expect(new DecimalType(10, 2).equals(new DecimalType(10, 2))).toBe(true);
    expect(new DecimalType(10, 2).equals(new DecimalType(10, 3))).toBe(false);
    expect(new ArrayType(BinaryType.instance, false).equals(new ArrayType(BinaryType.instance, true))).toBe(false);
  });
});

describe("treeString", () => {
  it("prints nested types like printSchema, and stops at the given level", () => {
    const schema = new StructType([
      new StructField("id", LongType.instance, false),
      new StructField(
        "nested",
        new ArrayType(
          new MapType(new StringType(), new StructType([new StructField("x", IntegerType.instance, false)]), false),
          false,
        ),
      ),
      new StructField("d", new DecimalType(38, 38)),
      new StructField("c", new StringType("UNICODE_CI")),
    ]);
    expect(schema.treeString()).toBe(
      [
        "root",
        " |-- id: long (nullable = false)",
        " |-- nested: array (nullable = true)",
        " |    |-- element: map (containsNull = false)",
        " |    |    |-- key: string",
        " |    |    |-- value: struct (valueContainsNull = false)",
        " |    |    |    |-- x: integer (nullable = false)",
        " |-- d: decimal(38,38) (nullable = true)",
        " |-- c: string collate UNICODE_CI (nullable = true)",
        "",
      ].join("\n"),
    );
    expect(schema.treeString(2).split("\n")).toEqual([
      "root",
      " |-- id: long (nullable = false)",
      " |-- nested: array (nullable = true)",
      " |    |-- element: map (containsNull = false)",
      " |-- d: decimal(38,38) (nullable = true)",
      " |-- c: string collate UNICODE_CI (nullable = true)",
      "",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { getScalar } from "../columnar/column-vector.js";
import { STRING, simpleString } from "../types/data-types.js";
import { inferJsonFields, jsonRecords, jsonRecordsToBatch, jsonSettings } from "./json-reader.js";
import { SourceOptions } from "./source-options.js";

const settings = (options: Record<string, string> = {}) => jsonSettings(new SourceOptions(options), "UTC");

function read(text: string, options: Record<string, string> = {}, schemaFields?: ReturnType<typeof inferJsonFields>) {
  const s = settings(options);
  const records = jsonRecords(text, s);
  const fields = schemaFields ?? inferJsonFields(records, s);
  const batch = jsonRecordsToBatch(records, fields, s);
  const rows = Array.from({ length: batch.numRows }, (_, r) => batch.columns.map((c) => getScalar(c, r)));
  return { schema: fields.map((f) => `${f.name}:${simpleString(f.type)}`), rows };
}

describe("JSON lines", () => {
  it("infers bigint and double, widens to double, sorts fields, and lets all-null fields be strings", () => {
    const { schema, rows } = read('{"b": 1, "a": 2}\n{"b": 2.5, "z": null}\n');
    expect(schema).toEqual(["a:bigint", "b:double", "z:string"]);
    expect(rows).toEqual([
      [2n, 1, null],
      [null, 2.5, null],
    ]);
  });

  it("turns conflicting types into strings holding the JSON text", () => {
    expect(read('{"v": 1}\n{"v": "x"}\n{"v": true}\n').rows).toEqual([["1"], ["x"], ["true"]]);
  });

  it("adds _corrupt_record for lines that are not objects, or drops them with DROPMALFORMED", () => {
    const text = '{"a": 1}\nnot json\n[1, 2]\n';
    const permissive = read(text);
    expect(permissive.schema).toEqual(["_corrupt_record:string", "a:bigint"]);
    expect(permissive.rows).toEqual([
      [null, 1n],
      ["not json", null],
      ["[1, 2]", null],
    ]);
    expect(read(text, { mode: "DROPMALFORMED" }).rows).toEqual([[1n]]);
    expect(() => read(text, { mode: "FAILFAST" })).toThrow(/MALFORMED_RECORD_IN_PARSING/);
  });

  it("reads prefersDecimal numbers as exact decimals", () => {
    const { schema, rows } = read('{"p": 1.25}\n{"p": 10.5}\n', { prefersDecimal: "true" });
    expect(schema).toEqual(["p:decimal(4,2)"]);
    expect(rows).toEqual([[125n], [1050n]]);
  });

  it("reads a multiLine document holding an array of objects", () => {
    expect(read('[{"a": 1},\n {"a": 2}]', { multiLine: "true" }).rows).toEqual([[1n], [2n]]);
  });

  it("infers arrays and structs, merging them across records and dropping structs without fields", () => {
    const { schema, rows } = read(
      '{"a": [], "c": [1, 2.5], "d": [{"x": 1}, {"y": "s"}], "e": {"p": 1}, "j": {"m": {}}}\n{"a": null, "e": "str"}\n',
    );
    expect(schema).toEqual(["a:array<string>", "c:array<double>", "d:array<struct<x:bigint,y:string>>", "e:string"]);
    expect(rows).toEqual([
      [
        [],
        [1, 2.5],
        [
          [1n, null],
          [null, "s"],
        ],
        '{"p": 1}',
      ],
      [null, null, null, "str"],
    ]);
  });

  it("gives a string column the source text of numbers and nested values, spacing included", () => {
    const fields = ["n", "o"].map((name) => ({ name, type: STRING, nullable: true }));
    expect(read('{"n": 1.50, "o": { "k" : [ 1 ,2 ] }}\n', {}, fields).rows).toEqual([["1.50", '{ "k" : [ 1 ,2 ] }']]);
  });

  it("reads integers beyond a long as decimals, and with primitivesAsString every primitive as a string", () => {
    expect(read('{"n": 99999999999999999999}\n').schema).toEqual(["n:decimal(20,0)"]);
    expect(read('{"b": true, "n": 1E2, "k": [1]}\n', { primitivesAsString: "true" })).toEqual({
      schema: ["b:string", "k:array<string>", "n:string"],
      rows: [["true", ["1"], "1E2"]],
    });
  });

  it("reads each object of a top-level array as a record, and other top-level values as corrupt", () => {
    expect(read('[{"a":1},{"a":2}]\n[]\n5\n[1,2]\n').rows).toEqual([
      [null, 1n],
      [null, 2n],
      ["5", null],
      ["[1,2]", null],
    ]);
  });

  it("refuses a prefersDecimal number whose exponent gives a negative scale, as Spark does", () => {
    expect(() => read('{"m": 1E2}\n', { prefersDecimal: "true" })).toThrow(/NEGATIVE_SCALE_DISALLOWED/);
  });
});

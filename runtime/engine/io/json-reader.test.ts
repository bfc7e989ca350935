import { describe, expect, it } from "vitest";
import { getScalar } from "../columnar/column-vector.js";
import { simpleString } from "../types/data-types.js";
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

  it("names nested values as not supported yet", () => {
    expect(() => read('{"a": [1, 2]}\n')).toThrow(/nested JSON values/);
  });
});

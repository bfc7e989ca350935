import { tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { Row } from "../arrow/index.js";
import { ClientArgumentError } from "../errors/index.js";
import { encodeLocalRows } from "./local-data.js";

describe("encodeLocalRows", () => {
  it("infers Spark types from JS values and encodes an Arrow stream", () => {
    const { ipc, schema } = encodeLocalRows([
      { id: 1, score: 2, name: "a", ok: true, at: new Date(0), tags: ["x"], raw: new Uint8Array([1]), big: 5n },
      { id: 2, score: 2.5, name: null, ok: false, at: null, tags: [], raw: null, big: null },
    ]);
    expect(schema.simpleString()).toBe(
      "struct<id:bigint,score:double,name:string,ok:boolean,at:timestamp,tags:array<string>,raw:binary,big:bigint>",
    );
    const table = tableFromIPC(ipc);
    expect(table.numRows).toBe(2);
    expect(table.getChild("id")?.toArray()).toEqual(new BigInt64Array([1n, 2n]));
    expect(table.getChild("score")?.get(1)).toBe(2.5);
  });

  it("keeps object key order and fills missing keys with null", () => {
    const { ipc, schema } = encodeLocalRows([{ b: 1 }, { a: "x", b: 2 }]);
    expect(schema.fields.map((f) => f.name)).toEqual(["b", "a"]);
    expect(tableFromIPC(ipc).getChild("a")?.get(0)).toBeNull();
  });

  it("accepts collected Rows, nested ones included", () => {
    const nested = Row.of({ x: 1n });
    const { schema } = encodeLocalRows([Row.of({ id: 1n, inner: nested })]);
    expect(schema.simpleString()).toBe("struct<id:bigint,inner:struct<x:bigint>>");
  });

  it("names the problem in bad input", () => {
    expect(() => encodeLocalRows([{ a: null }])).toThrow(/column a: every value is null/);
    expect(() => encodeLocalRows([{ a: [] }, { a: [null] }])).toThrow(/column a: every value is null/);
    expect(() => encodeLocalRows([{ a: 1 }, { a: "x" }])).toThrow(/mixes values of types bigint and string/);
    expect(() => encodeLocalRows([[1, 2]], ["a"])).toThrow(/Row 0 has 2 values but the schema has 1 columns/);
    expect(() => encodeLocalRows([])).toThrow(ClientArgumentError);
    expect(() => encodeLocalRows([{ a: 1.5 }], "a bigint")).toThrow(/number value does not fit type bigint/);
    expect(() => encodeLocalRows([{ a: null }], "a bigint not null")).toThrow(/non-nullable but has null/);
  });
});

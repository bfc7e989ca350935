import { tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import * as T from "../types/data-types.js";
import { arrayType, mapType } from "../types/nested-types.js";
import { arrowIpcToBatch, batchToArrowIpc } from "./arrow-io.js";
import { columnFromScalars, getScalar, type Scalar } from "./column-vector.js";

const point = T.structType([
  { name: "x", type: T.DOUBLE, nullable: true },
  { name: "tags", type: arrayType(T.STRING, true), nullable: false },
]);
const fields = [
  { name: "arr", type: arrayType(T.LONG, true), nullable: true },
  { name: "m", type: mapType(T.STRING, T.BOOLEAN, true), nullable: true },
  { name: "st", type: point, nullable: true },
];
const values: Scalar[][] = [
  [[1n, null, -3n], [], null],
  [{ keys: ["a", "b"], values: [true, null] }, { keys: [], values: [] }, null],
  [[1.5, ["p"]], null, [null, []]],
];

describe("nested Arrow columns", () => {
  const batch = { columns: fields.map((f, i) => columnFromScalars(f.type, values[i] as Scalar[])), numRows: 3 };
  const bytes = batchToArrowIpc(batch, fields, "UTC");

  it("are written with Spark's child names and nullability", () => {
    const schema = tableFromIPC(bytes).schema;
    expect(schema.fields.map((f) => String(f.type))).toEqual([
      "List<Int64>",
      "Map<{key:Utf8, value:Bool}>",
      "Struct<{x:Float64, tags:List<Utf8>}>",
    ]);
    const [list, map] = schema.fields;
    expect(list?.type.children[0]?.name).toBe("element");
    expect(list?.type.children[0]?.nullable).toBe(true);
    const entries = map?.type.children[0];
    expect(entries?.name).toBe("entries");
    expect(entries?.nullable).toBe(false);
    expect(entries?.type.children.map((f: { name: string; nullable: boolean }) => [f.name, f.nullable])).toEqual([
      ["key", false],
      ["value", true],
    ]);
  });

  it("read back to the same types and values", () => {
    const decoded = arrowIpcToBatch(bytes);
    expect(decoded.fields.map((f) => T.simpleString(f.type))).toEqual(fields.map((f) => T.simpleString(f.type)));
    expect(decoded.fields.every((f, i) => T.sameType(f.type, (fields[i] as (typeof fields)[number]).type))).toBe(true);
    const rows = decoded.batch.columns.map((c) => [0, 1, 2].map((r) => getScalar(c, r)));
    expect(rows).toEqual(values);
  });
});

import {
  DateDay,
  Float64,
  Int32,
  Int64,
  makeVector,
  Table,
  TimestampMicrosecond,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import * as T from "../types/data-types.js";
import { arrowIpcToBatch, batchToArrowIpc } from "./arrow-io.js";
import { getScalar } from "./column-vector.js";

const rowsOf = (bytes: Uint8Array) => {
  const { fields, batch } = arrowIpcToBatch(bytes);
  return {
    fields: fields.map((f) => `${f.name}:${T.simpleString(f.type)}`),
    rows: Array.from({ length: batch.numRows }, (_, r) => batch.columns.map((c) => getScalar(c, r))),
  };
};

describe("Arrow at the engine's edges", () => {
  it("reads LocalRelation payloads of several chunks, with NULLs, through the typed-array fast path", () => {
    const ints = vectorFromArray([1, null, 3], new Int32()).concat(vectorFromArray([null, 5], new Int32()));
    const table = new Table({
      i: ints,
      s: vectorFromArray(["a", null, "ü€", "", "z"], new Utf8()),
      l: vectorFromArray([1n, 2n, null, 4n, 5n], new Int64()),
      d: vectorFromArray([0.5, 1.5, 2.5, null, -1], new Float64()),
      day: vectorFromArray([new Date(0), null, new Date(86_400_000), new Date(0), new Date(0)], new DateDay()),
      ts: makeVector({ type: new TimestampMicrosecond("UTC"), data: BigInt64Array.from([1n, 2n, 3n, 4n, 5n]) }),
    });
    const { fields, rows } = rowsOf(tableToIPC(table, "stream"));
    expect(fields).toEqual(["i:int", "s:string", "l:bigint", "d:double", "day:date", "ts:timestamp"]);
    expect(rows.map((r) => r[0])).toEqual([1, null, 3, null, 5]);
    expect(rows.map((r) => r[1])).toEqual(["a", null, "ü€", "", "z"]);
    expect(rows[2]).toEqual([3, "ü€", null, 2.5, 1, 3n]);
  });

  it("writes results that read back with the same types, including repeated column names", () => {
    const batch = {
      columns: [
        { type: T.INT, length: 2, data: Int32Array.from([7, 8]), validity: Uint8Array.from([1, 0]) },
        { type: T.LONG, length: 2, data: BigInt64Array.from([9n, 10n]), validity: null },
        { type: T.decimalType(10, 2), length: 2, data: [-12345n, 5n], validity: null },
      ],
      numRows: 2,
    };
    const fields = [
      { name: "id", type: T.INT, nullable: true },
      { name: "id", type: T.LONG, nullable: false },
      { name: "amount", type: T.decimalType(10, 2), nullable: false },
    ];
    const { fields: names, rows } = rowsOf(batchToArrowIpc(batch, fields, "UTC"));
    expect(names).toEqual(["id:int", "id:bigint", "amount:decimal(10,2)"]);
    expect(rows).toEqual([
      [7, 9n, -12345n],
      [null, 10n, 5n],
    ]);
  });
});

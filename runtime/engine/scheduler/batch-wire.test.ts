import { describe, expect, it } from "vitest";
import type { Batch } from "../columnar/column-vector.js";
import { compactDecimalColumn, compactDecimalsOf } from "../columnar/compact-decimals.js";
import * as T from "../types/data-types.js";
import { fromWire, toWire, wireTransferables } from "./batch-wire.js";

describe("batches between threads", () => {
  const money = T.decimalType(15, 2);
  const values = Float64Array.from([12345, -99, 0]);
  const validity = Uint8Array.from([1, 1, 0]);
  const batch: Batch = {
    numRows: 3,
    columns: [
      compactDecimalColumn(money, values, validity),
      { type: T.INT, length: 3, data: Int32Array.from([1, 2, 3]), validity: null },
    ],
  };

  it("keeps a compact decimal column compact through a structured clone, with the same values", () => {
    const arrived = fromWire(structuredClone(toWire(batch)));
    const [decimals, ints] = arrived.columns;
    expect(compactDecimalsOf(decimals as never)).toEqual(values);
    expect(decimals?.validity).toEqual(validity);
    expect(decimals?.data).toEqual([12345n, -99n, 0n]);
    expect(ints?.data).toEqual(Int32Array.from([1, 2, 3]));
  });

  it("lists the buffers to transfer: a compact column's doubles and validity, a typed column's data", () => {
    const buffers = wireTransferables([toWire(batch)]);
    expect(buffers).toContain(values.buffer);
    expect(buffers).toContain(validity.buffer);
    expect(buffers).toHaveLength(3);
  });
});

/**
 * Arrow data built in-process for the decoder tests, laid out as Spark sends it (see README.md), and a round
 * trip through Arrow IPC so the decoders read what a real stream would deliver.
 */
import * as arrow from "apache-arrow";

export function validity(flags: readonly boolean[]): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(flags.length / 8));
  flags.forEach((valid, i) => {
    if (valid) bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
  });
  return bitmap;
}

const nullsIn = (flags: readonly boolean[]) => flags.filter((f) => !f).length;

/** Fixed-width data with an optional validity list. */
export function fixed<T extends arrow.DataType>(type: T, values: ArrayLike<unknown>, valid?: readonly boolean[]) {
  const length = valid?.length ?? values.length / strideOf(type);
  return arrow.makeData({
    type,
    length,
    data: values,
    ...(valid ? { nullBitmap: validity(valid), nullCount: nullsIn(valid) } : { nullCount: 0 }),
  } as never) as arrow.Data<T>;
}

function strideOf(type: arrow.DataType): number {
  if (arrow.DataType.isDecimal(type)) return type.bitWidth / 32;
  if (arrow.DataType.isInterval(type) && type.unit === arrow.IntervalUnit.MONTH_DAY_NANO) return 4;
  return 1;
}

export function strings(values: ReadonlyArray<string | null>): arrow.Data<arrow.Utf8> {
  return arrow.vectorFromArray(values as string[], new arrow.Utf8()).data[0] as arrow.Data<arrow.Utf8>;
}

export function binaries(values: ReadonlyArray<Uint8Array | null>): arrow.Data<arrow.Binary> {
  const offsets = new Int32Array(values.length + 1);
  const parts: number[] = [];
  values.forEach((v, i) => {
    parts.push(...(v ?? []));
    offsets[i + 1] = parts.length;
  });
  const valid = values.map((v) => v !== null);
  return arrow.makeData({
    type: new arrow.Binary(),
    length: values.length,
    valueOffsets: offsets,
    data: Uint8Array.from(parts),
    nullBitmap: validity(valid),
    nullCount: nullsIn(valid),
  });
}

export function list(child: arrow.Data, offsets: readonly number[], valid?: readonly boolean[], nullable = true) {
  return arrow.makeData({
    type: new arrow.List(new arrow.Field("element", child.type, nullable)),
    length: offsets.length - 1,
    valueOffsets: Int32Array.from(offsets),
    child,
    ...(valid ? { nullBitmap: validity(valid), nullCount: nullsIn(valid) } : { nullCount: 0 }),
  });
}

export function struct(
  children: Record<string, arrow.Data>,
  valid?: readonly boolean[],
  metadata?: Record<string, Map<string, string>>,
) {
  const fields = Object.entries(children).map(
    ([name, data]) => new arrow.Field(name, data.type, true, metadata?.[name]),
  );
  const length = Object.values(children)[0]?.length ?? 0;
  return arrow.makeData({
    type: new arrow.Struct(fields),
    length,
    children: Object.values(children),
    ...(valid ? { nullBitmap: validity(valid), nullCount: nullsIn(valid) } : { nullCount: 0 }),
  });
}

export function map(keys: arrow.Data, values: arrow.Data, offsets: readonly number[], valid?: readonly boolean[]) {
  const entries = arrow.makeData({
    type: new arrow.Struct([new arrow.Field("key", keys.type, false), new arrow.Field("value", values.type, true)]),
    length: keys.length,
    children: [keys, values],
    nullCount: 0,
  });
  return arrow.makeData({
    type: new arrow.Map_(new arrow.Field("entries", entries.type, false)),
    length: offsets.length - 1,
    valueOffsets: Int32Array.from(offsets),
    child: entries,
    ...(valid ? { nullBitmap: validity(valid), nullCount: nullsIn(valid) } : { nullCount: 0 }),
  } as never) as unknown as arrow.Data<arrow.Map_>;
}

/** A record batch of the given columns, after a write/read through Arrow IPC. */
export function batchOf(columns: Record<string, arrow.Data>): arrow.RecordBatch {
  const fields = Object.entries(columns).map(([name, data]) => new arrow.Field(name, data.type, true));
  const length = Object.values(columns)[0]?.length ?? 0;
  const data = arrow.makeData({
    type: new arrow.Struct(fields),
    length,
    children: Object.values(columns),
    nullCount: 0,
  });
  const batch = new arrow.RecordBatch(new arrow.Schema(fields), data);
  const table = arrow.tableFromIPC(arrow.tableToIPC(new arrow.Table([batch]), "stream"));
  return table.batches[0] as arrow.RecordBatch;
}

/** The IPC stream bytes of one batch, as the server puts them in `ArrowBatch.data`. */
export function ipcBytes(batch: arrow.RecordBatch): Uint8Array {
  return arrow.tableToIPC(new arrow.Table([batch]), "stream");
}

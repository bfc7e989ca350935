/** Builders for the Arrow columns the generator writes: bigint keys, int, decimal(15,2), date, string. */
import {
  type Data,
  DateDay,
  Decimal,
  Field,
  Int32,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Utf8,
} from "apache-arrow";

export type ColumnBuilder = { readonly field: Field; readonly data: Data };

export function int64Column(name: string, values: BigInt64Array): ColumnBuilder {
  const type = new Int64();
  return { field: new Field(name, type, false), data: makeData({ type, length: values.length, data: values }) };
}

export function int32Column(name: string, values: Int32Array): ColumnBuilder {
  const type = new Int32();
  return { field: new Field(name, type, false), data: makeData({ type, length: values.length, data: values }) };
}

export function dateColumn(name: string, days: Int32Array): ColumnBuilder {
  const type = new DateDay();
  return { field: new Field(name, type, false), data: makeData({ type, length: days.length, data: days }) };
}

/** Money as whole cents → decimal(15,2). */
export function decimalColumn(name: string, cents: Float64Array): ColumnBuilder {
  const type = new Decimal(2, 15, 128);
  const words = new Uint32Array(cents.length * 4);
  for (let i = 0; i < cents.length; i++) {
    const v = BigInt.asUintN(128, BigInt(Math.round(cents[i] as number)));
    words[i * 4] = Number(v & 0xffffffffn);
    words[i * 4 + 1] = Number((v >> 32n) & 0xffffffffn);
    words[i * 4 + 2] = Number((v >> 64n) & 0xffffffffn);
    words[i * 4 + 3] = Number((v >> 96n) & 0xffffffffn);
  }
  return { field: new Field(name, type, false), data: makeData({ type, length: cents.length, data: words }) };
}

const encoder = new TextEncoder();

export function stringColumn(name: string, values: readonly string[]): ColumnBuilder {
  const type = new Utf8();
  const encoded = values.map((v) => encoder.encode(v));
  const offsets = new Int32Array(values.length + 1);
  for (let i = 0; i < encoded.length; i++) offsets[i + 1] = (offsets[i] as number) + (encoded[i] as Uint8Array).length;
  const bytes = new Uint8Array(offsets[values.length] as number);
  for (let i = 0; i < encoded.length; i++) bytes.set(encoded[i] as Uint8Array, offsets[i] as number);
  return {
    field: new Field(name, type, false),
    data: makeData({ type, length: values.length, valueOffsets: offsets, data: bytes }),
  };
}

export function tableOf(columns: readonly ColumnBuilder[]): Table {
  const fields = columns.map((c) => c.field);
  const length = columns[0]?.data.length ?? 0;
  const struct = makeData({ type: new Struct(fields), length, nullCount: 0, children: columns.map((c) => c.data) });
  return new Table([new RecordBatch(new Schema(fields), struct)]);
}

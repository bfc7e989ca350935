/**
 * Reads Spark's variant binary encoding (the open Variant format shared with Parquet): a `metadata` buffer with
 * the dictionary of object keys and a `value` buffer of self-describing nodes. Two outputs are offered: exact JS
 * values (`decodeVariant`) and JSON text (`variantToJsonText`), which keeps every digit because numbers are
 * written from their exact form rather than through a double.
 */
import { SparkRuntimeException } from "../errors/index.js";
import { formatJavaDouble, formatJavaFloat } from "../format/java-number-format.js";
import { formatInstantMicros, formatLocalMicros, zoneOffsetSeconds } from "../format/timestamp-format.js";
import { DateValue } from "./date-value.js";
import { Decimal } from "./decimal.js";
import { TimeValue } from "./time-value.js";
import { TimestampNTZValue, TimestampValue } from "./timestamp-value.js";

export type VariantScalar =
  | null
  | boolean
  | number
  | bigint
  | string
  | Decimal
  | DateValue
  | TimestampValue
  | TimestampNTZValue
  | TimeValue
  | Uint8Array;
export type VariantNode = VariantScalar | VariantNode[] | { [key: string]: VariantNode };

const FLOAT_TYPE_ID = 14;
const DOUBLE_TYPE_ID = 7;
const STRING_TYPE_ID = 16;

enum BasicType {
  Primitive = 0,
  ShortString = 1,
  Object = 2,
  Array = 3,
}

function malformed(detail: string): SparkRuntimeException {
  return new SparkRuntimeException(`[MALFORMED_VARIANT] Variant binary is malformed: ${detail}.`, {
    errorClass: "MALFORMED_VARIANT",
  });
}

class VariantReader {
  private readonly view: DataView;
  private readonly metaView: DataView;
  private readonly keys: string[];
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true });

  constructor(
    private readonly value: Uint8Array,
    metadata: Uint8Array,
  ) {
    this.view = new DataView(value.buffer, value.byteOffset, value.byteLength);
    this.metaView = new DataView(metadata.buffer, metadata.byteOffset, metadata.byteLength);
    this.keys = this.readDictionary(metadata);
  }

  private readDictionary(metadata: Uint8Array): string[] {
    if (metadata.length === 0) throw malformed("empty metadata");
    const header = metadata[0] as number;
    if ((header & 0x0f) !== 1) throw malformed(`unsupported metadata version ${header & 0x0f}`);
    const offsetSize = ((header >> 6) & 0x3) + 1;
    const size = this.readUnsigned(this.metaView, 1, offsetSize);
    const stringsStart = 1 + (size + 2) * offsetSize;
    const keys: string[] = [];
    for (let id = 0; id < size; id++) {
      const start = this.readUnsigned(this.metaView, 1 + (id + 1) * offsetSize, offsetSize);
      const end = this.readUnsigned(this.metaView, 1 + (id + 2) * offsetSize, offsetSize);
      keys.push(this.utf8.decode(metadata.subarray(stringsStart + start, stringsStart + end)));
    }
    return keys;
  }

  private readUnsigned(view: DataView, pos: number, size: number): number {
    if (pos + size > view.byteLength) throw malformed("offset past the end of the buffer");
    let result = 0;
    for (let i = size - 1; i >= 0; i--) result = result * 256 + view.getUint8(pos + i);
    return result;
  }

  private bytes(pos: number, length: number): Uint8Array {
    if (pos + length > this.value.length) throw malformed("value past the end of the buffer");
    return this.value.subarray(pos, pos + length);
  }

  /** Visits the node at `pos`, handing containers to the callbacks so both decoders share one walker. */
  read<T>(pos: number, visit: NodeVisitor<T>): T {
    if (pos >= this.value.length) throw malformed("value position out of range");
    const header = this.value[pos] as number;
    const basic = header & 0x3;
    const info = header >> 2;
    switch (basic as BasicType) {
      case BasicType.ShortString:
        return visit.scalar(this.utf8.decode(this.bytes(pos + 1, info)), STRING_TYPE_ID);
      case BasicType.Object:
        return visit.object(this.objectEntries(pos, info));
      case BasicType.Array:
        return visit.array(this.arrayPositions(pos, info));
      default:
        return visit.scalar(this.primitive(pos, info), info);
    }
  }

  private objectEntries(pos: number, info: number): Array<[string, number]> {
    const offsetSize = (info & 0x3) + 1;
    const idSize = ((info >> 2) & 0x3) + 1;
    const large = ((info >> 4) & 0x1) === 1;
    const countSize = large ? 4 : 1;
    const count = this.readUnsigned(this.view, pos + 1, countSize);
    const idsStart = pos + 1 + countSize;
    const offsetsStart = idsStart + count * idSize;
    const dataStart = offsetsStart + (count + 1) * offsetSize;
    const entries: Array<[string, number]> = [];
    for (let i = 0; i < count; i++) {
      const id = this.readUnsigned(this.view, idsStart + i * idSize, idSize);
      const key = this.keys[id];
      if (key === undefined) throw malformed(`object key id ${id} not in the dictionary`);
      entries.push([key, dataStart + this.readUnsigned(this.view, offsetsStart + i * offsetSize, offsetSize)]);
    }
    return entries;
  }

  private arrayPositions(pos: number, info: number): number[] {
    const offsetSize = (info & 0x3) + 1;
    const large = ((info >> 2) & 0x1) === 1;
    const countSize = large ? 4 : 1;
    const count = this.readUnsigned(this.view, pos + 1, countSize);
    const offsetsStart = pos + 1 + countSize;
    const dataStart = offsetsStart + (count + 1) * offsetSize;
    const positions: number[] = [];
    for (let i = 0; i < count; i++)
      positions.push(dataStart + this.readUnsigned(this.view, offsetsStart + i * offsetSize, offsetSize));
    return positions;
  }

  private primitive(pos: number, typeId: number): VariantScalar {
    const at = pos + 1;
    const v = this.view;
    if (at + primitiveWidth(typeId) > v.byteLength) throw malformed(`primitive ${typeId} past the end`);
    switch (typeId) {
      case 0:
        return null;
      case 1:
        return true;
      case 2:
        return false;
      case 3:
        return v.getInt8(at);
      case 4:
        return v.getInt16(at, true);
      case 5:
        return v.getInt32(at, true);
      case 6:
        return v.getBigInt64(at, true);
      case 7:
        return v.getFloat64(at, true);
      case 8:
        return new Decimal(BigInt(v.getInt32(at + 1, true)), v.getUint8(at));
      case 9:
        return new Decimal(v.getBigInt64(at + 1, true), v.getUint8(at));
      case 10: {
        const low = v.getBigUint64(at + 1, true);
        const high = v.getBigInt64(at + 9, true);
        return new Decimal((high << 64n) | low, v.getUint8(at));
      }
      case 11:
        return new DateValue(v.getInt32(at, true));
      case 12:
        return new TimestampValue(v.getBigInt64(at, true));
      case 13:
        return new TimestampNTZValue(v.getBigInt64(at, true));
      case 14:
        return v.getFloat32(at, true);
      case 15:
        return this.bytes(at + 4, v.getUint32(at, true)).slice();
      case 16:
        return this.utf8.decode(this.bytes(at + 4, v.getUint32(at, true)));
      case 17:
        return new TimeValue(Number(v.getBigInt64(at, true)) * 1000);
      default:
        throw malformed(`unknown primitive type id ${typeId}`);
    }
  }
}

/** Bytes a primitive occupies after its header (for strings/binary: the length prefix only). */
function primitiveWidth(typeId: number): number {
  const widths: Record<number, number> = {
    3: 1,
    4: 2,
    5: 4,
    6: 8,
    7: 8,
    8: 5,
    9: 9,
    10: 17,
    11: 4,
    12: 8,
    13: 8,
    14: 4,
    15: 4,
    16: 4,
    17: 8,
  };
  return widths[typeId] ?? 0;
}

interface NodeVisitor<T> {
  /** `typeId` is the primitive type id, or SHORT_STRING for the short-string encoding. */
  scalar(value: VariantScalar, typeId: number): T;
  object(entries: Array<[string, number]>): T;
  array(positions: number[]): T;
}

/** The variant as exact JS values: objects, arrays, bigint for 64-bit integers, Decimal, DateValue, ... */
export function decodeVariant(value: Uint8Array, metadata: Uint8Array): VariantNode {
  const reader = new VariantReader(value, metadata);
  const visitor: NodeVisitor<VariantNode> = {
    scalar: (scalar) => scalar,
    object: (entries) => Object.fromEntries(entries.map(([key, pos]) => [key, reader.read(pos, visitor)])),
    array: (positions) => positions.map((pos) => reader.read(pos, visitor)),
  };
  return reader.read(0, visitor);
}

/**
 * The variant as compact JSON text, written the way Spark's JVM writes it (`to_json`, `CAST(v AS STRING)`,
 * `show()`): doubles and floats in JVM notation (`1.0E20`), NaN/Infinity quoted, decimals without trailing
 * zeros, dates `"yyyy-MM-dd"`, timestamps `"yyyy-MM-dd HH:mm:ss[.f]+hh:mm"` in `timeZone`, binary base64.
 */
export function variantToJsonText(value: Uint8Array, metadata: Uint8Array, timeZone = "UTC"): string {
  const reader = new VariantReader(value, metadata);
  const visitor: NodeVisitor<string> = {
    scalar: (scalar, typeId) => scalarJson(scalar, typeId, timeZone),
    object: (entries) =>
      `{${entries.map(([key, pos]) => `${JSON.stringify(key)}:${reader.read(pos, visitor)}`).join(",")}}`,
    array: (positions) => `[${positions.map((pos) => reader.read(pos, visitor)).join(",")}]`,
  };
  return reader.read(0, visitor);
}

function scalarJson(value: VariantScalar, typeId: number, timeZone: string): string {
  if (value === null) return "null";
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "number") {
    if (typeId !== DOUBLE_TYPE_ID && typeId !== FLOAT_TYPE_ID) return String(value);
    const text = typeId === FLOAT_TYPE_ID ? formatJavaFloat(value) : formatJavaDouble(value);
    return Number.isFinite(value) ? text : JSON.stringify(text);
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Decimal) return withoutTrailingZeros(value.toString());
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString("base64"));
  if (value instanceof TimestampValue) {
    return JSON.stringify(`${formatInstantMicros(value.micros, timeZone)}${offsetText(value.micros, timeZone)}`);
  }
  if (value instanceof TimestampNTZValue) return JSON.stringify(formatLocalMicros(value.micros));
  return JSON.stringify(value.toString());
}

function withoutTrailingZeros(plain: string): string {
  return plain.includes(".") ? plain.replace(/0+$/, "").replace(/\.$/, "") : plain;
}

/** `+00:00`, `-08:00`, `+05:45`: the zone's offset at that instant. */
function offsetText(micros: bigint, timeZone: string): string {
  const seconds = zoneOffsetSeconds(micros, timeZone);
  const sign = seconds < 0 ? "-" : "+";
  const abs = Math.abs(seconds);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`;
}

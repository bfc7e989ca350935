import { describe, expect, it } from "vitest";
import { DateValue } from "./date-value.js";
import { Decimal } from "./decimal.js";
import { decodeVariant, variantToJsonText } from "./variant-decoder.js";

// Hand-encoded per the Variant binary spec: metadata = version 1, 1-byte offsets, keys "a" and "b".
const METADATA = Uint8Array.of(0x01, 0x02, 0x00, 0x01, 0x02, 0x61, 0x62);
const EMPTY_METADATA = Uint8Array.of(0x01, 0x00, 0x00);

/** Primitive header: type id in the upper six bits, basic type 0. */
const primitive = (typeId: number, ...payload: number[]) => Uint8Array.of(typeId << 2, ...payload);

describe("variant decoding", () => {
  it("reads an object of an array and a short string", () => {
    // {"a": [1, true], "b": "hi"}
    const array = [0x03, 0x02, 0x00, 0x02, 0x03, 0x0c, 0x01, 0x04]; // array, 2 items: int8 1, true
    const shortString = [(2 << 2) | 1, 0x68, 0x69];
    const value = Uint8Array.of(
      0x02,
      0x02,
      0x00,
      0x01,
      0x00,
      array.length,
      array.length + shortString.length,
      ...array,
      ...shortString,
    );
    expect(decodeVariant(value, METADATA)).toEqual({ a: [1, true], b: "hi" });
    expect(variantToJsonText(value, METADATA)).toBe('{"a":[1,true],"b":"hi"}');
  });

  it("keeps 64-bit integers, decimals and dates exact", () => {
    const int64 = primitive(6, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f);
    expect(decodeVariant(int64, EMPTY_METADATA)).toBe(9223372036854775807n);
    expect(variantToJsonText(int64, EMPTY_METADATA)).toBe("9223372036854775807");
    const decimal4 = primitive(8, 2, 0x39, 0x30, 0x00, 0x00); // 12345 at scale 2
    expect(decodeVariant(decimal4, EMPTY_METADATA)).toEqual(new Decimal(12345n, 2));
    expect(variantToJsonText(decimal4, EMPTY_METADATA)).toBe("123.45");
    const date = primitive(11, 0xff, 0xff, 0xff, 0xff);
    expect(decodeVariant(date, EMPTY_METADATA)).toEqual(new DateValue(-1));
    expect(variantToJsonText(date, EMPTY_METADATA)).toBe('"1969-12-31"');
    expect(variantToJsonText(primitive(0), EMPTY_METADATA)).toBe("null");
  });

  it("writes JSON text as Spark's JVM does: JVM doubles, quoted NaN, plain decimals, zoned timestamps", () => {
    const double = (x: number) => {
      const bytes = new Uint8Array(9);
      bytes[0] = 7 << 2;
      new DataView(bytes.buffer).setFloat64(1, x, true);
      return bytes;
    };
    expect(variantToJsonText(double(1e20), EMPTY_METADATA)).toBe("1.0E20");
    expect(variantToJsonText(double(1.5), EMPTY_METADATA)).toBe("1.5");
    expect(variantToJsonText(double(Number.NaN), EMPTY_METADATA)).toBe('"NaN"');
    const decimal8 = primitive(9, 2, 0x96, 0, 0, 0, 0, 0, 0, 0); // 150 at scale 2
    expect(variantToJsonText(decimal8, EMPTY_METADATA)).toBe("1.5");
    const timestamp = primitive(12, ...new Uint8Array(BigInt64Array.of(500_000n).buffer));
    expect(variantToJsonText(timestamp, EMPTY_METADATA)).toBe('"1970-01-01 00:00:00.5+00:00"');
    expect(variantToJsonText(timestamp, EMPTY_METADATA, "America/Los_Angeles")).toBe('"1969-12-31 16:00:00.5-08:00"');
  });

  it("rejects malformed input with MALFORMED_VARIANT", () => {
    expect(() => decodeVariant(Uint8Array.of(0x02, 0x01, 0x05, 0x00, 0x01, 0x0c, 0x01), METADATA)).toThrow(
      /MALFORMED_VARIANT/,
    );
    expect(() => decodeVariant(primitive(6, 0x01), EMPTY_METADATA)).toThrow(/MALFORMED_VARIANT/);
    expect(() => decodeVariant(primitive(1), Uint8Array.of(0x02))).toThrow(/metadata version/);
  });
});

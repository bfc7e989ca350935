/**
 * A Spark VARIANT value exactly as the server sent it: the `value` and `metadata` byte strings. Decoding is on
 * demand, so collecting a variant column costs nothing until a value is looked at.
 */
import { decodeVariant, type VariantNode, variantToJsonText } from "./variant-decoder.js";

export class VariantValue {
  constructor(
    readonly value: Uint8Array,
    readonly metadata: Uint8Array,
  ) {}

  /** Exact JS form: objects, arrays, bigint for 64-bit integers, Decimal, DateValue, TimestampValue, ... */
  toValue(): VariantNode {
    return decodeVariant(this.value, this.metadata);
  }

  /** Compact JSON text with every digit kept, as Spark writes it (timestamps shown in `timeZone`). */
  toJsonString(timeZone = "UTC"): string {
    return variantToJsonText(this.value, this.metadata, timeZone);
  }

  /** For JSON.stringify: the parsed JSON text, so 64-bit integers beyond 2^53 lose precision here only. */
  toJSON(): unknown {
    return JSON.parse(this.toJsonString());
  }

  toString(): string {
    return this.toJsonString();
  }
}

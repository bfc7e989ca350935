import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { Expression_LiteralSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { literalFromValue } from "./literals.js";

const json = (value: unknown) => toJson(Expression_LiteralSchema, literalFromValue(value));

describe("literalFromValue", () => {
  it("types numbers as PySpark types Python ints and floats", () => {
    expect(json(7)).toEqual({ integer: 7 });
    expect(json(-(2 ** 31))).toEqual({ integer: -(2 ** 31) });
    expect(json(2 ** 31)).toEqual({ long: "2147483648" });
    expect(json(Number.MAX_SAFE_INTEGER)).toEqual({ long: "9007199254740991" });
    expect(json(1.5)).toEqual({ double: 1.5 });
    expect(json(2 ** 60)).toEqual({ double: 2 ** 60 });
    expect(json(-0)).toEqual({ double: -0 });
    expect(json(Number.NaN)).toEqual({ double: "NaN" });
  });

  it("maps bigint to long and rejects values beyond 64 bits", () => {
    expect(json(9223372036854775807n)).toEqual({ long: "9223372036854775807" });
    expect(() => literalFromValue(2n ** 63n)).toThrow(ClientArgumentError);
  });

  it("maps strings, booleans, null, dates and bytes", () => {
    expect(json("héllo")).toEqual({ string: "héllo" });
    expect(json(false)).toEqual({ boolean: false });
    expect(json(null)).toEqual({ null: { null: {} } });
    expect(json(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)))).toEqual({ timestamp: "1704164645678000" });
    expect(json(new Uint8Array([1, 255]))).toEqual({ binary: "Af8=" });
  });

  it("builds array literals typed by their first element", () => {
    expect(json([1, 2, null])).toEqual({
      array: {
        elementType: { integer: {} },
        elements: [{ integer: 1 }, { integer: 2 }, { null: { integer: {} } }],
      },
    });
    expect(() => literalFromValue([])).toThrow(/empty or starts with null/);
    expect(() => literalFromValue([1, "x"])).toThrow(/does not fit the array's element type/);
  });

  it("names the unsupported type", () => {
    expect(() => literalFromValue({ a: 1 })).toThrow(/Object cannot be used as a Spark literal/);
    expect(() => literalFromValue(new Date(Number.NaN))).toThrow(/invalid Date/);
  });
});

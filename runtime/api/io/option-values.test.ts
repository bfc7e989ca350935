import { describe, expect, it } from "vitest";
import { WriteOperation_SaveMode } from "../../../generated/proto/spark/connect/commands_pb.js";
import { ClientArgumentError } from "../../errors/index.js";
import { LongType, StructField, StructType } from "../../types/index.js";
import { columnNameList, optionText, pathList, schemaText, withNamedOptions, withOptions } from "./option-values.js";
import { parseSaveMode } from "./save-mode.js";

describe("option values", () => {
  it("turn into the text PySpark sends", () => {
    expect(optionText(true, "k")).toBe("true");
    expect(optionText(false, "k")).toBe("false");
    expect(optionText(12, "k")).toBe("12");
    expect(optionText(0.5, "k")).toBe("0.5");
    expect(optionText(2n ** 40n, "k")).toBe("1099511627776");
    expect(optionText("x", "k")).toBe("x");
    expect(optionText(null, "k")).toBeUndefined();
  });

  it("refuse values Spark options cannot hold, naming the option", () => {
    expect(() => optionText(Number.NaN, "ratio")).toThrow(/option ratio must be a finite number/);
    expect(() => optionText({}, "k")).toThrow(ClientArgumentError);
    expect(() => optionText([1], "path")).toThrow(/option path must be a string, number or boolean, got array/);
  });

  it("null removes an option, undefined leaves it, and the base map is untouched", () => {
    const base = { a: "1", b: "2" };
    expect(withOptions(base, { a: null, b: undefined, c: false })).toEqual({ b: "2", c: "false" });
    expect(base).toEqual({ a: "1", b: "2" });
    expect(withNamedOptions(base, { a: null, d: 3 })).toEqual({ a: "1", b: "2", d: "3" });
  });

  it("schemas, paths and column lists", () => {
    const schema = new StructType([new StructField("id", new LongType())]);
    expect(schemaText(schema)).toBe(schema.json());
    expect(schemaText("id BIGINT")).toBe("id BIGINT");
    expect(() => schemaText(1)).toThrow(/schema must be a StructType or a DDL string, got number/);
    expect(pathList("a", "path")).toEqual(["a"]);
    expect(pathList(["a", "b"], "path")).toEqual(["a", "b"]);
    expect(() => pathList(["a", 1], "path")).toThrow(/path must be a string or a list of strings/);
    expect(columnNameList([["a", "b"]], "cols")).toEqual(["a", "b"]);
    expect(columnNameList(["a", "b"], "cols")).toEqual(["a", "b"]);
  });
});

describe("save modes", () => {
  it("accept Spark's names in any case", () => {
    expect(parseSaveMode("Append")).toBe(WriteOperation_SaveMode.APPEND);
    expect(parseSaveMode("overwrite")).toBe(WriteOperation_SaveMode.OVERWRITE);
    expect(parseSaveMode("error")).toBe(WriteOperation_SaveMode.ERROR_IF_EXISTS);
    expect(parseSaveMode("errorifexists")).toBe(WriteOperation_SaveMode.ERROR_IF_EXISTS);
    expect(parseSaveMode("default")).toBe(WriteOperation_SaveMode.ERROR_IF_EXISTS);
    expect(parseSaveMode("IGNORE")).toBe(WriteOperation_SaveMode.IGNORE);
  });

  it("refuse anything else with the accepted names", () => {
    expect(() => parseSaveMode("upsert")).toThrow(/Unknown save mode 'upsert'. Accepted save modes are/);
    expect(() => parseSaveMode(1)).toThrow(/saveMode must be a string/);
  });
});

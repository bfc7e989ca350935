import { describe, expect, it } from "vitest";
import { pythonJsonDumps } from "./python-json.js";

describe("pythonJsonDumps", () => {
  it("uses Python's separators", () => {
    expect(pythonJsonDumps({ a: 1, b: [true, null, "x"] })).toBe('{"a": 1, "b": [true, null, "x"]}');
  });

  it("escapes non-ASCII and control characters as Python does", () => {
    expect(pythonJsonDumps("é\n\u0001😀")).toBe('"\\u00e9\\n\\u0001\\ud83d\\ude00"');
  });

  it("writes non-finite numbers as Python's literals", () => {
    expect(pythonJsonDumps([Number.NaN, Number.POSITIVE_INFINITY, -1.5])).toBe("[NaN, Infinity, -1.5]");
  });
});

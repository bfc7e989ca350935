import { describe, expect, it } from "vitest";
import { Column, functions as F } from "../index.js";

describe("the functions namespace", () => {
  it("offers the generated builtins and the generic callers", () => {
    expect(F.year(F.col("d"))).toBeInstanceOf(Column);
    expect(F.date_sub("d", 3)).toBeInstanceOf(Column);
    expect(F.callFunction("upper", "name")).toBeInstanceOf(Column);
    const names = Object.keys(F);
    expect(names.length).toBeGreaterThan(450);
    expect(names).toEqual(
      expect.arrayContaining(["col", "lit", "when", "count_distinct", "callFunction", "call_function"]),
    );
  });
});

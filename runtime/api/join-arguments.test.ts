import { describe, expect, it } from "vitest";
import { col } from "./functions.js";
import { joinCondition, parseJoinType } from "./join-arguments.js";

describe("parseJoinType", () => {
  it("accepts PySpark's spellings", () => {
    expect(parseJoinType(undefined)).toBe("inner");
    expect(parseJoinType("LEFT_OUTER")).toBe("left_outer");
    expect(parseJoinType("full")).toBe("full_outer");
    expect(parseJoinType("semi")).toBe("left_semi");
    expect(parseJoinType("left_anti")).toBe("left_anti");
    expect(parseJoinType("cross")).toBe("cross");
    expect(() => parseJoinType("sideways")).toThrow(/Unsupported join type "sideways"/);
  });
});

describe("joinCondition", () => {
  it("reads names as USING columns and Columns as a condition", () => {
    expect(joinCondition("id")).toEqual({ usingColumns: ["id"] });
    expect(joinCondition(["a", "b"])).toEqual({ usingColumns: ["a", "b"] });
    expect(joinCondition(undefined)).toEqual({});
    const both = joinCondition([col("a").eq(col("b")), col("c").gt(1)]);
    expect(both.condition?.exprType.case === "unresolvedFunction" && both.condition.exprType.value.functionName).toBe(
      "and",
    );
    expect(() => joinCondition(["a", col("b")])).toThrow(/on must be a column name, names, a Column or Columns/);
  });
});

import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ExpressionSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Column } from "./column.js";
import { callFunction, col, count, countDistinct, expr, lit } from "./functions.js";

const json = (c: Column) => toJson(ExpressionSchema, c.expr);

describe("functions", () => {
  it("col makes references and stars", () => {
    expect(json(col("a.b"))).toEqual({ unresolvedAttribute: { unparsedIdentifier: "a.b", isMetadataColumn: false } });
    expect(json(col("*"))).toEqual({ unresolvedStar: {} });
    expect(json(col("t.*"))).toEqual({ unresolvedStar: { unparsedTarget: "t.*" } });
    expect(() => col(1 as unknown as string)).toThrow(/col must be a string, got number/);
  });

  it("lit turns arrays into array() calls and passes Columns through", () => {
    expect(json(lit([1, "x"]))).toEqual({
      unresolvedFunction: {
        functionName: "array",
        arguments: [{ literal: { integer: 1 } }, { literal: { string: "x" } }],
      },
    });
    const c = col("a");
    expect(lit(c)).toBe(c);
    expect(() => lit([col("a")] as never)).toThrow(/array holding Columns/);
  });

  it("count(col('*')) counts 1 while count('*') sends the star, like PySpark", () => {
    expect(json(count(col("*")))).toEqual({
      unresolvedFunction: { functionName: "count", arguments: [{ literal: { integer: 1 } }] },
    });
    expect(json(count("*"))).toEqual({
      unresolvedFunction: { functionName: "count", arguments: [{ unresolvedStar: {} }] },
    });
  });

  it("countDistinct marks the call distinct", () => {
    expect(json(countDistinct("a", col("b")))).toMatchObject({
      unresolvedFunction: { functionName: "count", isDistinct: true },
    });
  });

  it("callFunction and expr", () => {
    expect(json(callFunction("upper", "name"))).toEqual({
      unresolvedFunction: {
        functionName: "upper",
        arguments: [{ unresolvedAttribute: { unparsedIdentifier: "name", isMetadataColumn: false } }],
      },
    });
    expect(() => callFunction("upper", 3 as unknown as string)).toThrow(
      /upper must be a Column or a column name, got number/,
    );
    expect(json(expr("a + 1"))).toEqual({ expressionString: { expression: "a + 1" } });
  });
});

import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ExpressionSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { DecimalType } from "../types/index.js";
import type { Column } from "./column.js";
import { col, lit, when } from "./functions.js";

const json = (c: Column) => toJson(ExpressionSchema, c.expr);
const ref = (name: string) => ({ unresolvedAttribute: { unparsedIdentifier: name, isMetadataColumn: false } });
const call = (functionName: string, ...args: unknown[]) => ({ unresolvedFunction: { functionName, arguments: args } });

describe("Column operators", () => {
  it("become Spark's operator functions", () => {
    const a = col("a");
    const cases: Array<[Column, string]> = [
      [a.plus(1), "+"],
      [a.minus(1), "-"],
      [a.multiply(1), "*"],
      [a.divide(1), "/"],
      [a.mod(1), "%"],
      [a.pow(1), "power"],
      [a.eq(1), "=="],
      [a.lt(1), "<"],
      [a.le(1), "<="],
      [a.gt(1), ">"],
      [a.ge(1), ">="],
      [a.eqNullSafe(1), "<=>"],
      [a.and(true), "and"],
      [a.or(true), "or"],
      [a.bitwiseAND(1), "&"],
      [a.bitwiseOR(1), "|"],
      [a.bitwiseXOR(1), "^"],
      [a.contains(1), "contains"],
      [a.startswith("x"), "startsWith"],
      [a.endswith("x"), "endsWith"],
    ];
    for (const [column, name] of cases) {
      expect(json(column)).toMatchObject({ unresolvedFunction: { functionName: name, arguments: [ref("a"), {}] } });
    }
  });

  it("ne is not(==), as PySpark sends it", () => {
    expect(json(col("a").ne(col("b")))).toEqual(call("not", call("==", ref("a"), ref("b"))));
  });

  it("between is a conjunction of >= and <=", () => {
    expect(json(col("a").between(1, 2))).toEqual(
      call("and", call(">=", ref("a"), { literal: { integer: 1 } }), call("<=", ref("a"), { literal: { integer: 2 } })),
    );
  });

  it("isin takes values or one array", () => {
    const expected = call("in", ref("a"), { literal: { integer: 1 } }, { literal: { string: "x" } });
    expect(json(col("a").isin(1, "x"))).toEqual(expected);
    expect(json(col("a").isin([1, "x"]))).toEqual(expected);
  });

  it("when/otherwise build one when() call and refuse misuse", () => {
    const c = when(col("a").gt(1), "big").when(col("a").gt(0), "small").otherwise("none");
    expect(json(c)).toMatchObject({ unresolvedFunction: { functionName: "when" } });
    expect(c.expr.exprType.case === "unresolvedFunction" && c.expr.exprType.value.arguments.length).toBe(5);
    expect(() => c.when(col("b"), 1)).toThrow(/cannot follow otherwise/);
    expect(() => c.otherwise(1)).toThrow(/only be applied once/);
    expect(() => col("a").otherwise(1)).toThrow(/made by functions.when/);
    expect(() => when("a > 1" as unknown as Column, 1)).toThrow(/condition must be a Column, got string/);
  });

  it("cast accepts type strings and DataTypes, and rejects anything else", () => {
    expect(json(col("a").cast("bigint"))).toEqual({ cast: { expr: ref("a"), typeStr: "bigint" } });
    expect(json(col("a").cast(new DecimalType(10, 2)))).toEqual({
      cast: { expr: ref("a"), type: { decimal: { precision: 10, scale: 2 } } },
    });
    expect(json(col("a").try_cast("int"))).toEqual({
      cast: { expr: ref("a"), typeStr: "int", evalMode: "EVAL_MODE_TRY" },
    });
    expect(() => col("a").cast(42 as unknown as string)).toThrow(ClientArgumentError);
  });

  it("alias, nested access and sort orders", () => {
    expect(json(col("a").alias("x", "y"))).toEqual({ alias: { expr: ref("a"), name: ["x", "y"] } });
    expect(json(col("s").getField("f"))).toEqual({
      unresolvedExtractValue: { child: ref("s"), extraction: { literal: { string: "f" } } },
    });
    expect(json(col("a").desc())).toEqual({
      sortOrder: { child: ref("a"), direction: "SORT_DIRECTION_DESCENDING", nullOrdering: "SORT_NULLS_LAST" },
    });
    expect(json(col("a").asc())).toMatchObject({
      sortOrder: { direction: "SORT_DIRECTION_ASCENDING", nullOrdering: "SORT_NULLS_FIRST" },
    });
  });

  it("substr needs two numbers or two Columns", () => {
    expect(json(col("s").substr(1, 3))).toEqual(
      call("substr", ref("s"), { literal: { integer: 1 } }, { literal: { integer: 3 } }),
    );
    expect(() => col("s").substr(1, col("n"))).toThrow(/both be numbers or both be Columns/);
  });

  it("rejects values that are not literals", () => {
    expect(() => col("a").plus({} as never)).toThrow(/Object cannot be used as a Spark literal/);
    expect(() => lit(Symbol("x") as never)).toThrow(ClientArgumentError);
  });
});

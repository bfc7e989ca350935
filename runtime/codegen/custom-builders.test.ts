import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { broadcast, count, log, sha2, transform, udf, unix_timestamp } from "../../generated/functions/index.js";
import { ExpressionSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Column } from "../api/column.js";
import { col } from "../api/functions.js";
import { ClientArgumentError } from "../errors/index.js";
import { resetLambdaVariableIds } from "./lambda-function.js";

const json = (column: Column) => toJson(ExpressionSchema, column.expr, { useProtoFieldName: true });
const attribute = (name: string) => ({
  unresolved_attribute: { unparsed_identifier: name, is_metadata_column: false },
});

describe("custom builders", () => {
  // Both forms checked against PySpark 4.1.1 by hand: F.count(F.col("*")) and F.count("*").
  it('count(col("*")) counts rows as count(1), while count("*") keeps the star', () => {
    expect(json(count(col("*")))).toEqual({
      unresolved_function: { function_name: "count", arguments: [{ literal: { integer: 1 } }] },
    });
    expect(json(count("*"))).toEqual({
      unresolved_function: { function_name: "count", arguments: [{ unresolved_star: {} }] },
    });
  });

  // Checked against PySpark 4.1.1: F.unix_timestamp(), F.unix_timestamp("ts") and F.unix_timestamp("ts", "yyyy").
  it("unix_timestamp sends no argument alone, and its default format with a timestamp", () => {
    expect(json(unix_timestamp())).toEqual({ unresolved_function: { function_name: "unix_timestamp" } });
    const withFormat = (format: string) => ({
      unresolved_function: {
        function_name: "unix_timestamp",
        arguments: [attribute("ts"), { literal: { string: format } }],
      },
    });
    expect(json(unix_timestamp("ts"))).toEqual(withFormat("yyyy-MM-dd HH:mm:ss"));
    expect(json(unix_timestamp("ts", "yyyy"))).toEqual(withFormat("yyyy"));
  });

  it("log with a base puts the base first as a literal", () => {
    expect(json(log(2, "x"))).toEqual({
      unresolved_function: { function_name: "log", arguments: [{ literal: { integer: 2 } }, attribute("x")] },
    });
  });

  it("sha2 rejects a bit length Spark does not support, naming the allowed ones", () => {
    expect(() => sha2("x", 100)).toThrow(ClientArgumentError);
    expect(() => sha2("x", 100)).toThrow(/0, 224, 256, 384, 512/);
  });

  it("broadcast rejects anything but a DataFrame", () => {
    expect(() => broadcast(col("x") as never)).toThrow("broadcast expects a DataFrame, got Column.");
  });

  it("a builtin without a TypeScript form fails with its registry reason", () => {
    expect(() => udf()).toThrow(/udf is not available in sparkts: takes Python code/);
  });
});

describe("lambdas", () => {
  it("numbers variables across lambdas as PySpark does (x_0, then x_1)", () => {
    resetLambdaVariableIds();
    const nested = transform("a", (x) => transform(x, (y) => y));
    const text = JSON.stringify(json(nested));
    expect(text).toContain('"x_0"');
    expect(text).toContain('"x_1"');
  });

  it("rejects a lambda that does not return a Column", () => {
    const bad = ((_x: Column) => 1) as unknown as (x: Column) => Column;
    expect(() => transform("a", bad)).toThrow(/must return a Column, got/);
  });

  it("rejects a lambda over more than three Columns", () => {
    const wide = ((a: Column, _b: Column, _c: Column, _d: Column) => a) as unknown as (x: Column) => Column;
    expect(() => transform("a", wide)).toThrow(/must take 1 to 3 Columns, it takes 4/);
  });
});

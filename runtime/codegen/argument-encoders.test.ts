import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { acos, array_repeat, from_json, greatest, json_tuple } from "../../generated/functions/index.js";
import { ExpressionSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Column } from "../api/column.js";
import { col } from "../api/functions.js";
import { ClientArgumentError } from "../errors/index.js";

const json = (column: Column) => toJson(ExpressionSchema, column.expr, { useProtoFieldName: true });

describe("argument encoders", () => {
  it("reject a plain value where only a Column or a column name fits, naming the argument", () => {
    const call = () => acos(3 as unknown as string);
    expect(call).toThrow(ClientArgumentError);
    expect(call).toThrow("col must be a Column or a column name, got number.");
  });

  it("send a number as a literal where the signature admits one (array_repeat's count)", () => {
    expect(json(array_repeat("x", 3))).toEqual({
      unresolved_function: {
        function_name: "array_repeat",
        arguments: [
          { unresolved_attribute: { unparsed_identifier: "x", is_metadata_column: false } },
          { literal: { integer: 3 } },
        ],
      },
    });
  });

  it("check the fewest values PySpark accepts for variadic arguments", () => {
    expect(() => greatest("a")).toThrow("greatest needs at least 2 cols, got 1.");
    expect(() => json_tuple("a")).toThrow("json_tuple needs at least 1 fields, got 0.");
    expect(() => greatest("a", col("b"))).not.toThrow();
  });

  it("send option values as strings, as PySpark stringifies them", () => {
    const options = json(from_json("j", "a INT", { mode: "FAILFAST", allowComments: true } as never));
    expect(JSON.stringify(options)).toContain('{"literal":{"string":"true"}}');
  });

  it("reject options that are not an object", () => {
    expect(() => from_json("j", "a INT", "mode=FAILFAST" as never)).toThrow(/options must be an object/);
  });
});

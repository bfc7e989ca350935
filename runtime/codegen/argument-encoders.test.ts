import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { acos, array_repeat, from_json, greatest, json_tuple } from "../../generated/functions/index.js";
import { ExpressionSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Column } from "../api/column.js";
import { col } from "../api/functions.js";
import { ClientArgumentError } from "../errors/index.js";
import { ArrayType, IntegerType, StringType, StructField, StructType } from "../types/index.js";

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

  // The expected text is what PySpark 4.1.1 sends for the same StructType (schema.json()).
  it("send a DataType schema as its JSON text, as PySpark does", () => {
    const schema = new StructType([
      new StructField("a", new IntegerType()),
      new StructField("b", new ArrayType(new StringType())),
    ]);
    expect(json(from_json("c", schema))).toEqual({
      unresolved_function: {
        function_name: "from_json",
        arguments: [
          { unresolved_attribute: { unparsed_identifier: "c", is_metadata_column: false } },
          {
            literal: {
              string:
                '{"fields":[{"metadata":{},"name":"a","nullable":true,"type":"integer"},' +
                '{"metadata":{},"name":"b","nullable":true,"type":{"containsNull":true,"elementType":"string","type":"array"}}],"type":"struct"}',
            },
          },
        ],
      },
    });
  });

  it("reject options that are not an object", () => {
    expect(() => from_json("j", "a INT", "mode=FAILFAST" as never)).toThrow(/options must be an object/);
  });
});

import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  make_timestamp,
  make_timestamp_ntz,
  try_make_timestamp,
  try_make_timestamp_ntz,
} from "../../generated/functions/index.js";
import { ExpressionSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Column } from "../api/column.js";
import { ClientArgumentError } from "../errors/index.js";

const json = (column: Column) => toJson(ExpressionSchema, column.expr, { useProtoFieldName: true });
const call = (name: string, ...columns: string[]) => ({
  unresolved_function: {
    function_name: name,
    arguments: columns.map((c) => ({ unresolved_attribute: { unparsed_identifier: c, is_metadata_column: false } })),
  },
});

// Expected shapes are those PySpark 4.1.1 builds for the same calls (checked with its Connect client).
describe("make_timestamp and siblings", () => {
  it("send the six fields, plus the zone when given", () => {
    expect(json(make_timestamp("y", "mo", "d", "h", "mi", "s"))).toEqual(
      call("make_timestamp", "y", "mo", "d", "h", "mi", "s"),
    );
    expect(json(try_make_timestamp("y", "mo", "d", "h", "mi", "s", "tz"))).toEqual(
      call("try_make_timestamp", "y", "mo", "d", "h", "mi", "s", "tz"),
    );
  });

  it("send date and time (and zone) for the { date, time } form", () => {
    expect(json(make_timestamp({ date: "d", time: "t" }))).toEqual(call("make_timestamp", "d", "t"));
    expect(json(make_timestamp_ntz({ date: "d", time: "t" }))).toEqual(call("make_timestamp_ntz", "d", "t"));
    expect(json(try_make_timestamp({ date: "d", time: "t", timezone: "tz" }))).toEqual(
      call("try_make_timestamp", "d", "t", "tz"),
    );
  });

  it("reject mixing the forms, a missing field, and a zone where none is taken", () => {
    expect(() => make_timestamp({ date: "d", time: "t" }, "mo")).toThrow(/either the six date-time fields or/);
    expect(() => make_timestamp("y", "mo", "d")).toThrow(
      "make_timestamp: hours is required in this form, got undefined.",
    );
    expect(() => try_make_timestamp_ntz({ date: "d", time: "t", timezone: "tz" })).toThrow(ClientArgumentError);
  });
});

/**
 * Builtins whose Column is not a plain call of one Spark function over their arguments in order. Each says why in
 * its registry entry (`encoding.kind: "custom"`); the generated function forwards its arguments here unchanged.
 */
import { create } from "@bufbuild/protobuf";
import { ExpressionSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import { Column, type ColumnOrLiteral } from "../api/column.js";
import type { DataFrame } from "../api/dataframe.js";
import { col, expr, lit } from "../api/functions.js";
import { ClientArgumentError } from "../errors/index.js";
import { functionCall, sortOrderExpression } from "../plan/expressions.js";
import { describeType, literalExpression } from "../plan/literals.js";
import { columnOrName, literal } from "./argument-encoders.js";
import { callBuiltin } from "./call-builtin.js";
import { timestampBuilder } from "./timestamp-builders.js";

type ColumnOrName = Column | string;

function sortKey(value: ColumnOrName, ascending: boolean, nullsFirst: boolean, functionName: string): Column {
  return new Column(sortOrderExpression(columnOrName(value, functionName), ascending, nullsFirst));
}

/** Spark's trim functions take the characters to strip first, the string second. */
function trimCall(name: string, col: ColumnOrName, trim: ColumnOrName | undefined): Column {
  const target = columnOrName(col, name);
  return callBuiltin(name, trim === undefined ? [target] : [columnOrName(trim, name), target]);
}

const SHA2_BIT_LENGTHS = [0, 224, 256, 384, 512] as const;

export const customBuilders = {
  col: (name: string): Column => col(name),
  column: (name: string): Column => col(name),
  lit: (value: ColumnOrLiteral): Column => lit(value),
  expr: (sql: string): Column => expr(sql),

  asc: (value: ColumnOrName): Column => sortKey(value, true, true, "asc"),
  asc_nulls_first: (value: ColumnOrName): Column => sortKey(value, true, true, "asc_nulls_first"),
  asc_nulls_last: (value: ColumnOrName): Column => sortKey(value, true, false, "asc_nulls_last"),
  desc: (value: ColumnOrName): Column => sortKey(value, false, false, "desc"),
  desc_nulls_first: (value: ColumnOrName): Column => sortKey(value, false, true, "desc_nulls_first"),
  desc_nulls_last: (value: ColumnOrName): Column => sortKey(value, false, false, "desc_nulls_last"),

  /** A broadcast join hint, exactly as `df.hint("broadcast")`. */
  broadcast: (df: DataFrame): DataFrame => {
    if (typeof (df as Partial<DataFrame> | null)?.hint !== "function") {
      throw new ClientArgumentError(`broadcast expects a DataFrame, got ${describeType(df)}.`, {
        errorClass: "NOT_DATAFRAME",
        messageParameters: { arg_name: "df", arg_type: describeType(df) },
      });
    }
    return df.hint("broadcast");
  },

  /** A `CallFunction` expression: the server looks the name up among builtins and registered functions. */
  call_function: (funcName: string, ...cols: ColumnOrName[]): Column =>
    new Column(
      create(ExpressionSchema, {
        exprType: {
          case: "callFunction",
          value: { functionName: funcName, arguments: cols.map((c) => columnOrName(c, "call_function")) },
        },
      }),
    ),

  /** Calls a registered function by name; the name is the function, not an argument. */
  call_udf: (udfName: string, ...cols: ColumnOrName[]): Column =>
    callBuiltin(
      udfName,
      cols.map((c) => columnOrName(c, "call_udf")),
    ),

  /** A star Column counts rows and is sent as `count(1)`; the string "*" stays a star, both as in PySpark. */
  count: (value: ColumnOrName): Column => {
    if (value instanceof Column && value.expr.exprType.case === "unresolvedStar") {
      return new Column(functionCall("count", [literalExpression(1)]));
    }
    return callBuiltin("count", [columnOrName(value, "count")]);
  },

  /** One argument is the natural logarithm (`ln`); with two, the first is the base. */
  log: (arg1: ColumnOrName | number, arg2?: ColumnOrName): Column =>
    arg2 === undefined
      ? callBuiltin("ln", [columnOrName(arg1, "log")])
      : callBuiltin("log", [literal(arg1, "log"), columnOrName(arg2, "log")]),

  ltrim: (col: ColumnOrName, trim?: ColumnOrName): Column => trimCall("ltrim", col, trim),
  rtrim: (col: ColumnOrName, trim?: ColumnOrName): Column => trimCall("rtrim", col, trim),
  trim: (col: ColumnOrName, trim?: ColumnOrName): Column => trimCall("trim", col, trim),

  /** Without arguments, the current time; with a timestamp, PySpark always sends the format, defaulted when omitted. */
  unix_timestamp: (timestamp?: ColumnOrName, format?: string): Column =>
    timestamp === undefined
      ? callBuiltin("unix_timestamp", [])
      : callBuiltin("unix_timestamp", [
          columnOrName(timestamp, "timestamp"),
          literal(format ?? "yyyy-MM-dd HH:mm:ss", "format"),
        ]),

  make_timestamp: timestampBuilder("make_timestamp", true),
  try_make_timestamp: timestampBuilder("try_make_timestamp", true),
  make_timestamp_ntz: timestampBuilder("make_timestamp_ntz", false),
  try_make_timestamp_ntz: timestampBuilder("try_make_timestamp_ntz", false),

  sha2: (value: ColumnOrName, numBits: number): Column => {
    if (!(SHA2_BIT_LENGTHS as readonly number[]).includes(numBits)) {
      throw new ClientArgumentError(`sha2: numBits must be one of ${SHA2_BIT_LENGTHS.join(", ")}, got ${numBits}.`, {
        errorClass: "VALUE_NOT_ALLOWED",
        messageParameters: { arg_name: "numBits", allowed_values: SHA2_BIT_LENGTHS.join(", ") },
      });
    }
    return callBuiltin("sha2", [columnOrName(value, "sha2"), literalExpression(numBits, "numBits")]);
  },
};

/** The body of a builtin that has no TypeScript form (yet): fails with the registry's reason. */
export function unsupportedBuiltin(name: string, reason: string): never {
  throw new ClientArgumentError(`${name} is not available in sparkts: ${reason}.`, {
    errorClass: "UNSUPPORTED_BUILTIN",
    messageParameters: { function_name: name },
  });
}

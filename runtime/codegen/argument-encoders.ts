/**
 * One encoder per registry argument kind, turning what the user passed into the Expression PySpark would send.
 * Each takes `undefined` for an omitted optional argument and returns `undefined`, which `callBuiltin` drops.
 */
import { create, fromJson, type JsonValue } from "@bufbuild/protobuf";
import {
  type Expression,
  Expression_LiteralSchema,
  ExpressionSchema,
} from "../../generated/proto/spark/connect/expressions_pb.js";
import { Column, type ColumnOrLiteral } from "../api/column.js";
import { columnByName } from "../api/column-names.js";
import { lit } from "../api/functions.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType, literalExpression } from "../plan/literals.js";
import { DataType } from "../types/index.js";
import { lambdaExpression } from "./lambda-function.js";

/** What a `literal` argument accepts: a Column, or any JS value with a Spark literal form. */
export type LiteralInput = ColumnOrLiteral;

/** A Column or a column name; anything else is an error, as in PySpark. */
export function columnOrName(value: unknown, argName: string): Expression;
export function columnOrName(value: unknown | undefined, argName: string): Expression | undefined;
export function columnOrName(value: unknown, argName: string): Expression | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Column) return value.expr;
  if (typeof value === "string") return columnByName(value).expr;
  throw new ClientArgumentError(`${argName} must be a Column or a column name, got ${describeType(value)}.`, {
    errorClass: "NOT_COLUMN_OR_STR",
    messageParameters: { arg_name: argName, arg_type: describeType(value) },
  });
}

/** A Column, a column name, or a plain (non-string) value sent as a literal, e.g. `array_repeat`'s count. */
export function columnOrNameOrLiteral(value: unknown, argName: string): Expression;
export function columnOrNameOrLiteral(value: unknown | undefined, argName: string): Expression | undefined;
export function columnOrNameOrLiteral(value: unknown, argName: string): Expression | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Column || typeof value === "string") return columnOrName(value, argName);
  return literalExpression(value, argName);
}

/** The values of a variadic argument, after checking there are at least `min` of them (as PySpark checks). */
export function atLeast<T>(values: readonly T[], min: number, functionName: string, argName: string): readonly T[] {
  if (values.length >= min) return values;
  throw new ClientArgumentError(`${functionName} needs at least ${min} ${argName}, got ${values.length}.`, {
    errorClass: min > 1 ? "WRONG_NUM_COLUMNS" : "CANNOT_BE_EMPTY",
    messageParameters: { func_name: functionName, num_cols: String(min), item: argName },
  });
}

/** A Column and nothing else. */
export function column(value: unknown, argName: string): Expression;
export function column(value: unknown | undefined, argName: string): Expression | undefined;
export function column(value: unknown, argName: string): Expression | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Column) return value.expr;
  throw new ClientArgumentError(`${argName} must be a Column, got ${describeType(value)}.`, {
    errorClass: "NOT_COLUMN",
    messageParameters: { arg_name: argName, arg_type: describeType(value) },
  });
}

/**
 * A plain value as a literal (arrays become `array(...)` as with `lit`); a Column passes through; a DataType (a
 * schema argument such as from_json's) is sent as its JSON text, as PySpark sends `schema.json()`.
 */
export function literal(value: unknown, argName: string): Expression;
export function literal(value: unknown | undefined, argName: string): Expression | undefined;
export function literal(value: unknown, argName: string): Expression | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Column) return value.expr;
  if (value instanceof DataType) return literalExpression(value.json(), argName);
  if (Array.isArray(value)) return lit(value).expr;
  return literalExpression(value, argName);
}

/** A TS function over Columns as a lambda expression. */
export function lambda(fn: unknown, argName: string): Expression;
export function lambda(fn: unknown | undefined, argName: string): Expression | undefined;
export function lambda(fn: unknown, argName: string): Expression | undefined {
  return fn === undefined ? undefined : lambdaExpression(fn, argName);
}

/** A map as `map(k1, v1, k2, v2, ...)` of strings in insertion order, as PySpark sends reader-style options. */
export function options(value: unknown, argName: string): Expression;
export function options(value: unknown | undefined, argName: string): Expression | undefined;
export function options(value: unknown, argName: string): Expression | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Column) {
    throw new ClientArgumentError(
      `${argName} must be an object of option names to values, got ${describeType(value)}.`,
      {
        errorClass: "NOT_DICT",
        messageParameters: { arg_name: argName, arg_type: describeType(value) },
      },
    );
  }
  const flat = Object.entries(value).flatMap(([key, optionValue]) => [
    literalExpression(key, argName),
    // PySpark stringifies every option value; JS spells booleans in lower case, as Spark's options parser expects.
    literalExpression(String(optionValue), argName),
  ]);
  return create(ExpressionSchema, {
    exprType: { case: "unresolvedFunction", value: { functionName: "map", arguments: flat, isDistinct: false } },
  });
}

/** The literal a registry entry sends for an omitted argument, given in protobuf JSON form. */
export function literalFromJson(json: JsonValue): Expression {
  return create(ExpressionSchema, { exprType: { case: "literal", value: fromJson(Expression_LiteralSchema, json) } });
}

/** `encoded` when the caller passed a value, else the registry's stand-in literal. */
export function orDefault(encoded: Expression | undefined, json: JsonValue): Expression {
  return encoded ?? literalFromJson(json);
}

/** `encoded` when the caller passed a seed, else a random non-negative 63-bit seed, as PySpark draws one. */
export function orRandomSeed(encoded: Expression | undefined): Expression {
  if (encoded !== undefined) return encoded;
  const high = BigInt(Math.floor(Math.random() * 2 ** 31));
  const low = BigInt(Math.floor(Math.random() * 2 ** 32));
  const seed = (high << 32n) | low;
  // PySpark sends a seed that fits 32 bits as an int literal; only larger ones are longs.
  return literalExpression(seed < 2n ** 31n ? Number(seed) : seed, "seed");
}

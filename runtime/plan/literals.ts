/**
 * JS values to Spark literals, with the type rules of PySpark's Connect client translated to JS values:
 * an integral number that fits 32 bits is an `int`, a larger safe integer a `long`, any other number a `double`;
 * `bigint` is a `long`; `Date` is a `timestamp` (an instant, microseconds since the epoch); `Uint8Array` is
 * `binary`; a non-empty array becomes an array literal whose element type comes from its first element.
 */
import { create } from "@bufbuild/protobuf";
import {
  type Expression,
  type Expression_Literal,
  Expression_LiteralSchema,
  ExpressionSchema,
} from "../../generated/proto/spark/connect/expressions_pb.js";
import { type DataType, DataTypeSchema } from "../../generated/proto/spark/connect/types_pb.js";
import { ClientArgumentError } from "../errors/index.js";

/** A JS value that maps to a Spark literal without further help. */
export type LiteralValue = null | boolean | number | bigint | string | Date | Uint8Array | readonly LiteralValue[];

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

type SimpleKind = "null" | "boolean" | "integer" | "long" | "double" | "string" | "timestamp" | "binary";

/** A proto DataType with no parameters, e.g. `simpleDataType("long")`. */
export function simpleDataType(kind: SimpleKind): DataType {
  return create(DataTypeSchema, { kind: { case: kind, value: {} } });
}

export function arrayDataType(elementType: DataType, containsNull = true): DataType {
  return create(DataTypeSchema, { kind: { case: "array", value: { elementType, containsNull } } });
}

/** Whether a JS number is sent as an `int` (as opposed to a `long` or `double`). */
function isInt32(value: number): boolean {
  return Number.isInteger(value) && !Object.is(value, -0) && value >= INT_MIN && value <= INT_MAX;
}

function isLongNumber(value: number): boolean {
  return Number.isSafeInteger(value) && !Object.is(value, -0);
}

/** The Spark type PySpark would infer for this value. */
export function inferLiteralType(value: unknown, argName = "value"): DataType {
  if (value === null || value === undefined) return simpleDataType("null");
  switch (typeof value) {
    case "boolean":
      return simpleDataType("boolean");
    case "number":
      if (isInt32(value)) return simpleDataType("integer");
      return simpleDataType(isLongNumber(value) ? "long" : "double");
    case "bigint":
      checkLongRange(value, argName);
      return simpleDataType("long");
    case "string":
      return simpleDataType("string");
  }
  if (value instanceof Date) return simpleDataType("timestamp");
  if (value instanceof Uint8Array) return simpleDataType("binary");
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (first === undefined || first === null) {
      throw new ClientArgumentError(
        `Cannot infer the element type of ${argName}: the array is empty or starts with null.`,
        { errorClass: "CANNOT_INFER_ARRAY_ELEMENT_TYPE" },
      );
    }
    return arrayDataType(inferLiteralType(first, argName));
  }
  throw new ClientArgumentError(`${argName} of type ${describeType(value)} cannot be used as a Spark literal.`, {
    errorClass: "UNSUPPORTED_DATA_TYPE",
    messageParameters: { data_type: describeType(value) },
  });
}

function checkLongRange(value: bigint, argName: string): void {
  if (value < LONG_MIN || value > LONG_MAX) {
    throw new ClientArgumentError(`${argName} ${value} does not fit in a 64-bit long.`, {
      errorClass: "VALUE_NOT_BETWEEN",
      messageParameters: { arg_name: argName, min: String(LONG_MIN), max: String(LONG_MAX) },
    });
  }
}

/** A short name of a JS value's type for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value;
}

/** The literal for `value` with an explicit Spark type (used for array elements). */
function literalOfType(value: unknown, type: DataType, argName: string): Expression_Literal {
  if (value === null || value === undefined) {
    return create(Expression_LiteralSchema, { literalType: { case: "null", value: type } });
  }
  const kind = type.kind.case;
  const mismatch = () =>
    new ClientArgumentError(
      `${argName}: ${describeType(value)} value ${String(value)} does not fit the array's element type ${kind}.`,
    );
  switch (kind) {
    case "boolean":
      if (typeof value !== "boolean") throw mismatch();
      return create(Expression_LiteralSchema, { literalType: { case: "boolean", value } });
    case "integer":
      if (typeof value !== "number" || !isInt32(value)) throw mismatch();
      return create(Expression_LiteralSchema, { literalType: { case: "integer", value } });
    case "long":
      if (typeof value === "bigint") {
        checkLongRange(value, argName);
        return create(Expression_LiteralSchema, { literalType: { case: "long", value } });
      }
      if (typeof value !== "number" || !isLongNumber(value)) throw mismatch();
      return create(Expression_LiteralSchema, { literalType: { case: "long", value: BigInt(value) } });
    case "double":
      if (typeof value !== "number") throw mismatch();
      return create(Expression_LiteralSchema, { literalType: { case: "double", value } });
    case "string":
      if (typeof value !== "string") throw mismatch();
      return create(Expression_LiteralSchema, { literalType: { case: "string", value } });
    case "timestamp":
      if (!(value instanceof Date)) throw mismatch();
      return create(Expression_LiteralSchema, { literalType: { case: "timestamp", value: dateToMicros(value) } });
    case "binary":
      if (!(value instanceof Uint8Array)) throw mismatch();
      return create(Expression_LiteralSchema, { literalType: { case: "binary", value } });
    case "array": {
      if (!Array.isArray(value)) throw mismatch();
      const elementType = type.kind.value.elementType ?? simpleDataType("null");
      const elements = value.map((element: unknown) => literalOfType(element, elementType, argName));
      return create(Expression_LiteralSchema, { literalType: { case: "array", value: { elementType, elements } } });
    }
    default:
      throw mismatch();
  }
}

function dateToMicros(value: Date): bigint {
  const millis = value.getTime();
  if (Number.isNaN(millis)) throw new ClientArgumentError("An invalid Date cannot be used as a Spark literal.");
  return BigInt(millis) * 1000n;
}

/** The proto literal for a JS value, typed as PySpark would type the equivalent Python value. */
export function literalFromValue(value: unknown, argName = "value"): Expression_Literal {
  return literalOfType(value, inferLiteralType(value, argName), argName);
}

/** An Expression holding the literal for `value`. */
export function literalExpression(value: unknown, argName = "value"): Expression {
  return create(ExpressionSchema, { exprType: { case: "literal", value: literalFromValue(value, argName) } });
}

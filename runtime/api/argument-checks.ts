/** Argument checks shared by the DataFrame families, raising PySpark's error classes for plain-JS callers. */
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";

/** A typed argument error naming the parameter, with PySpark's `arg_name` / `arg_type` parameters. */
export function wrongType(errorClass: string, argName: string, value: unknown, expected: string): ClientArgumentError {
  return new ClientArgumentError(`${argName} must be ${expected}, got ${describeType(value)}.`, {
    errorClass,
    messageParameters: { arg_name: argName, arg_type: describeType(value) },
  });
}

/** An out-of-range argument error with PySpark's `arg_name` / `arg_value` parameters. */
export function badValue(errorClass: string, argName: string, value: unknown, why: string): ClientArgumentError {
  return new ClientArgumentError(`${argName} ${why}, got ${String(value)}.`, {
    errorClass,
    messageParameters: { arg_name: argName, arg_value: String(value) },
  });
}

export function requireNumber(value: unknown, argName: string): number {
  if (typeof value !== "number") throw wrongType("NOT_FLOAT_OR_INT", argName, value, "a number");
  return value;
}

/** A seed as PySpark takes it: the given integer, or a random non-negative one when absent. */
export function seedOrRandom(seed: unknown, argName = "seed"): bigint {
  if (seed === undefined || seed === null) {
    return BigInt(Math.floor(Math.random() * 2 ** 53)) * 1024n + BigInt(Math.floor(Math.random() * 1024));
  }
  if (typeof seed === "bigint") return seed;
  if (typeof seed === "number" && Number.isSafeInteger(seed)) return BigInt(seed);
  throw wrongType("NOT_INT", argName, seed, "an integer");
}

/** A list argument given as an array (PySpark also takes a tuple; JS has only arrays). */
export function requireArray(value: unknown, argName: string): readonly unknown[] {
  if (!Array.isArray(value)) throw wrongType("NOT_LIST_OR_TUPLE", argName, value, "an array");
  return value;
}

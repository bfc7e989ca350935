/**
 * Data source options as Spark Connect carries them: a map of strings. Values are turned into text the way
 * PySpark does it (booleans as `true`/`false`, numbers in their usual text form), and an absent or null value
 * means "not set", so a named argument left out never reaches the server.
 */
import { ClientArgumentError } from "../../errors/index.js";
import { describeType } from "../../plan/literals.js";
import { StructType } from "../../types/index.js";

/** The options a builder has collected so far; keys keep the user's spelling (Spark matches them case-insensitively). */
export type OptionMap = Readonly<Record<string, string>>;

/** The text Spark receives for one option value, or `undefined` when the value means "not set". */
export function optionText(value: unknown, key: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new ClientArgumentError(`option ${key} must be a finite number, got ${String(value)}.`, {
        errorClass: "INVALID_OPTION_VALUE",
        messageParameters: { key, value: String(value) },
      });
    }
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  throw new ClientArgumentError(`option ${key} must be a string, number or boolean, got ${describeType(value)}.`, {
    errorClass: "NOT_PRIMITIVE_OPTION",
    messageParameters: { arg_name: key, arg_type: describeType(value) },
  });
}

/**
 * `base` with `updates` applied: a value sets its key, a null removes it (PySpark drops options whose value is
 * None when it builds the plan), an undefined value leaves the key as it was.
 */
export function withOptions(base: OptionMap, updates: Readonly<Record<string, unknown>>): OptionMap {
  const next: Record<string, string> = { ...base };
  for (const [key, value] of Object.entries(updates)) {
    if (value === undefined) continue;
    const text = optionText(value, key);
    if (text === undefined) delete next[key];
    else next[key] = text;
  }
  return next;
}

/** `base` with only the given (non-null) named arguments set: the format shortcuts' keyword options. */
export function withNamedOptions(base: OptionMap, named: Readonly<Record<string, unknown>>): OptionMap {
  const present = Object.entries(named).filter(([, value]) => value !== undefined && value !== null);
  return withOptions(base, Object.fromEntries(present));
}

/** The `options` argument of a method, checked: an object of option values (or nothing). */
export function requireOptionRecord(value: unknown, argName: string): Readonly<Record<string, unknown>> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value) || value instanceof Map) {
    throw new ClientArgumentError(`${argName} must be an object of option values, got ${describeType(value)}.`, {
      errorClass: "NOT_DICT",
      messageParameters: { arg_name: argName, arg_type: describeType(value) },
    });
  }
  return value as Readonly<Record<string, unknown>>;
}

/** A reader schema as the plan carries it: a StructType as Spark JSON, a DDL string as it is. */
export function schemaText(schema: unknown): string {
  if (schema instanceof StructType) return schema.json();
  if (typeof schema === "string") return schema;
  throw new ClientArgumentError(`schema must be a StructType or a DDL string, got ${describeType(schema)}.`, {
    errorClass: "NOT_STR_OR_STRUCT",
    messageParameters: { arg_name: "schema", arg_type: describeType(schema) },
  });
}

/** One path or a list of paths, as a list; anything else is refused with the argument's name. */
export function pathList(value: unknown, argName: string): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return [...(value as string[])];
  throw new ClientArgumentError(`${argName} must be a string or a list of strings, got ${describeType(value)}.`, {
    errorClass: "NOT_STR_OR_LIST_OF_STR",
    messageParameters: { arg_name: argName, arg_type: describeType(value) },
  });
}

/** Column names given as `f("a", "b")` or `f(["a", "b"])`, as PySpark accepts them. */
export function columnNameList(cols: ReadonlyArray<string | readonly string[]>, argName: string): string[] {
  const flat = cols.length === 1 && Array.isArray(cols[0]) ? [...(cols[0] as readonly string[])] : [...cols];
  for (const name of flat) {
    if (typeof name !== "string") {
      throw new ClientArgumentError(`${argName} must be column names (strings), got ${describeType(name)}.`, {
        errorClass: "NOT_LIST_OF_STR",
        messageParameters: { arg_name: argName, arg_type: describeType(name) },
      });
    }
  }
  return flat as string[];
}

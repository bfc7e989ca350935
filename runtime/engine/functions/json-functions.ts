/**
 * JSON text functions: get_json_object (paths of `.name`, `['name']` and `[index]` steps), json_array_length,
 * json_object_keys. Malformed JSON, a path that matches nothing and a JSON null all give NULL, as in Spark.
 */
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { notSupportedLocally } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { type JsonValue, readJson, writeJson } from "./json-text.js";

type Step = { readonly key: string } | { readonly index: number };

/** Parses `$.a.b[0]['c d']`; null for a path Spark would not accept. */
export function parseJsonPath(path: string): Step[] | null {
  if (!path.startsWith("$")) return null;
  if (path.includes("*")) throw notSupportedLocally("get_json_object with a wildcard path");
  const steps: Step[] = [];
  const pattern = /\.([^.[]+)|\['([^']*)'\]|\[(\d+)\]/y;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < path.length) {
    const match = pattern.exec(path);
    if (match === null) return null;
    if (match[1] !== undefined) steps.push({ key: match[1] });
    else if (match[2] !== undefined) steps.push({ key: match[2] });
    else steps.push({ index: Number(match[3]) });
  }
  return steps;
}

function follow(value: JsonValue, steps: readonly Step[]): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const step of steps) {
    if (current === undefined) return undefined;
    if ("key" in step) {
      if (current.kind !== "object") return undefined;
      current = current.entries.find(([k]) => k === step.key)?.[1];
    } else {
      if (current.kind !== "array") return undefined;
      current = current.items[step.index];
    }
  }
  return current;
}

export function getJsonObject(json: string, path: string): string | null {
  const steps = parseJsonPath(path);
  if (steps === null) return null;
  const root = readJson(json);
  if (root === null) return null;
  const found = follow(root, steps);
  if (found === undefined || found.kind === "null") return null;
  return found.kind === "string" ? found.value : writeJson(found);
}

/** json_tuple's values: each named top-level field as get_json_object renders it; all NULL for a non-object. */
export function jsonTupleValues(json: string | null, fields: readonly (string | null)[]): (string | null)[] {
  const root = json === null ? null : readJson(json);
  return fields.map((field) => {
    if (root?.kind !== "object" || field === null) return null;
    const found = root.entries.find(([key]) => key === field)?.[1];
    if (found === undefined || found.kind === "null") return null;
    return found.kind === "string" ? found.value : writeJson(found);
  });
}

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));
const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

function jsonFunction(name: string, type: T.DataType, f: (values: string[]) => Scalar): ScalarFunction {
  return {
    resolve: (args, ctx) => call(name, args.map(asString), type, show(name, args), ctx, true),
    kernel: (args, c) => {
      const length = args[0]?.length ?? 0;
      const out: Scalar[] = [];
      for (let row = 0; row < length; row++) {
        const values = args.map((a) => getScalar(a as ColumnVector, row));
        out.push(values.some((v) => v === null) ? null : f(values as string[]));
      }
      return columnFromScalars(c.type, out);
    },
  };
}

export const jsonFunctions: Record<string, ScalarFunction> = {
  get_json_object: jsonFunction("get_json_object", T.STRING, ([json, path]) =>
    getJsonObject(json as string, path as string),
  ),
  json_array_length: jsonFunction("json_array_length", T.INT, ([json]) => {
    const value = readJson(json as string);
    return value?.kind === "array" ? value.items.length : null;
  }),
  json_object_keys: jsonFunction("json_object_keys", arrayType(T.STRING, true), ([json]) => {
    const value = readJson(json as string);
    return value?.kind === "object" ? value.entries.map(([k]) => k) : null;
  }),
};

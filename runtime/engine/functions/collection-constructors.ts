/**
 * Building nested values: array, map / create_map, map_from_arrays, named_struct and struct. Element, key and
 * value types are the arguments' common type (with Spark's implicit casts); struct fields take their names
 * from the arguments.
 */

import { SparkRuntimeException } from "../../errors/index.js";
import { commonType, implicitCast } from "../analyzer/type-coercion.js";
import type { MapValue, Scalar } from "../columnar/column-vector.js";
import { keyOf } from "../columnar/nested-order.js";
import { sparkError } from "../errors.js";
import { displayOf, literalDisplay } from "../logical/expression-display.js";
import type { Call, Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayParts, arrayType, mapParts, mapType } from "../types/nested-types.js";
import { dataDiffTypes, duplicatedMapKey, nullMapKey, unexpectedInput } from "./collection-errors.js";
import { call, type ResolveContext, type ScalarFunction } from "./function-types.js";
import { rowKernel } from "./nested-kernel-helpers.js";

/** Zero-argument constructors still need the batch length, so they carry one hidden constant argument. */
const ROW_COUNT_ANCHOR: Literal = { kind: "literal", value: 0, type: T.INT, nullable: false };

/** Plans cross worker threads by structured clone, so the anchor is recognised by shape, not identity. */
function isAnchored(c: Call): boolean {
  const [only] = c.args;
  const inner =
    c.type.kind.case === "array"
      ? arrayParts(c.type).element
      : c.type.kind.case === "map"
        ? mapParts(c.type).key
        : T.INT;
  return (
    c.args.length === 1 && only?.kind === "literal" && only.type.kind.case === "integer" && inner.kind.case === "null"
  );
}

const shown = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

function unify(args: readonly Expr[], display: string, name: string): { type: T.DataType; args: Expr[] } {
  const type = commonType(args.map((a) => a.type));
  if (type === null)
    throw dataDiffTypes(
      display,
      name,
      args.map((a) => a.type),
    );
  return { type, args: args.map((a) => implicitCast(a, type)) };
}

const array: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("array", args);
    if (args.length === 0) return call("array", [ROW_COUNT_ANCHOR], arrayType(T.NULL, false), display, ctx, false);
    const unified = unify(args, display, "array");
    const containsNull = args.some((a) => a.nullable);
    return call("array", unified.args, arrayType(unified.type, containsNull), display, ctx, false);
  },
  kernel: (args, c) => {
    if (isAnchored(c)) return rowKernel(args, c.type, () => []);
    return rowKernel(args, c.type, (values) => values, false);
  },
};

/** Checks keys (no NULL, no repeats under the default EXCEPTION dedup policy) and builds the map. */
export function buildMap(keyType: T.DataType, keys: readonly Scalar[], values: readonly Scalar[]): MapValue {
  const seen = new Set<string>();
  for (const key of keys) {
    if (key === null) throw nullMapKey();
    const id = keyOf(key);
    if (seen.has(id)) throw duplicatedMapKey(literalDisplay(key, keyType));
    seen.add(id);
  }
  return { keys, values };
}

const map: ScalarFunction = {
  resolve: (args, ctx, name) => {
    const display = shown("map", args);
    if (args.length % 2 !== 0) {
      throw unexpectedInput(display, args.length - 1, args[args.length - 1] as Expr, "an even number of arguments");
    }
    if (args.length === 0) return call("map", [ROW_COUNT_ANCHOR], mapType(T.NULL, T.NULL, false), display, ctx, false);
    const keys = unify(
      args.filter((_, i) => i % 2 === 0),
      display,
      name,
    );
    const values = unify(
      args.filter((_, i) => i % 2 === 1),
      display,
      name,
    );
    const interleaved = keys.args.flatMap((k, i) => [k, values.args[i] as Expr]);
    const valueContainsNull = args.some((a, i) => i % 2 === 1 && a.nullable);
    return call("map", interleaved, mapType(keys.type, values.type, valueContainsNull), display, ctx, false);
  },
  kernel: (args, c) => {
    if (isAnchored(c)) return rowKernel(args, c.type, () => ({ keys: [], values: [] }));
    const keyType = c.type.kind.case === "map" ? (c.type.kind.value.keyType ?? T.NULL) : T.NULL;
    return rowKernel(
      args,
      c.type,
      (v) =>
        buildMap(
          keyType,
          v.filter((_, i) => i % 2 === 0),
          v.filter((_, i) => i % 2 === 1),
        ),
      false,
    );
  },
};

const mapFromArrays: ScalarFunction = {
  resolve: (args, ctx) => {
    const [keys, values] = args as [Expr, Expr];
    const display = shown("map_from_arrays", args);
    if (keys.type.kind.case !== "array") throw unexpectedInput(display, 0, keys, '"ARRAY"');
    if (values.type.kind.case !== "array") throw unexpectedInput(display, 1, values, '"ARRAY"');
    const [k, v] = [arrayParts(keys.type), arrayParts(values.type)];
    return call("map_from_arrays", args, mapType(k.element, v.element, v.containsNull), display, ctx);
  },
  kernel: (args, c) => {
    const keyType = c.type.kind.case === "map" ? (c.type.kind.value.keyType ?? T.NULL) : T.NULL;
    return rowKernel(args, c.type, ([k, v]) => {
      const [keys, values] = [k as readonly Scalar[], v as readonly Scalar[]];
      if (keys.length !== values.length) {
        throw sparkError(
          SparkRuntimeException,
          "MAP_FROM_ARRAYS_LENGTH_MISMATCH",
          "22000",
          "The key and value arrays of map_from_arrays must have the same length.",
        );
      }
      return buildMap(keyType, keys, values);
    });
  },
};

const structFromFields = (names: readonly string[], values: readonly Expr[]): T.DataType =>
  T.structType(
    names.map((name, i) => ({ name, type: (values[i] as Expr).type, nullable: (values[i] as Expr).nullable })),
  );

const namedStruct: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("named_struct", args);
    const names: string[] = [];
    const values: Expr[] = [];
    args.forEach((a, i) => {
      if (i % 2 === 1) {
        values.push(a);
        return;
      }
      if (a.kind !== "literal" || typeof a.value !== "string") throw unexpectedInput(display, i, a, '"STRING"');
      names.push(a.value);
    });
    return call("named_struct", values, structFromFields(names, values), display, ctx, false);
  },
  kernel: (args, c) => rowKernel(args, c.type, (values) => values, false),
};

/** `struct(a, b AS x, 1)`: named arguments keep their names, others are `col1`, `col2`, … by position. */
const struct: ScalarFunction = {
  resolve: (args, ctx) => {
    const names = args.map((a, i) => (a.kind === "attr" || a.kind === "alias" ? a.name : `col${i + 1}`));
    const display = `struct(${args.map((a) => (a.kind === "alias" ? `${displayOf(a.child)} AS ${a.name}` : displayOf(a))).join(", ")})`;
    return call("named_struct", args, structFromFields(names, args), display, ctx, false);
  },
};

export const collectionConstructors: Record<string, ScalarFunction> = {
  array,
  map,
  map_from_arrays: mapFromArrays,
  named_struct: namedStruct,
  struct,
};

export type { ResolveContext };

/**
 * Reading nested values: element_at, `arr[i]` / `m[k]` / `st.f` extraction, size and cardinality,
 * array_contains, array_position, and the map views map_keys, map_values, map_entries, map_contains_key.
 */

import { implicitCast, widerType } from "../analyzer/type-coercion.js";
import type { MapValue, Scalar } from "../columnar/column-vector.js";
import { equalityOf } from "../columnar/nested-order.js";
import { unresolvedRoutine } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayParts, arrayType, mapParts, structFields } from "../types/nested-types.js";
import { arrayIndexOutOfBounds, indexOfZero, unexpectedInput } from "./collection-errors.js";
import { call, type ResolveContext, type ScalarFunction } from "./function-types.js";
import { rowKernel } from "./nested-kernel-helpers.js";

const shown = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

function requireArray(display: string, args: readonly Expr[], index = 0): Expr {
  const arg = args[index] as Expr;
  if (arg.type.kind.case !== "array") throw unexpectedInput(display, index, arg, '"ARRAY"');
  return arg;
}

function requireMap(display: string, args: readonly Expr[], index = 0): Expr {
  const arg = args[index] as Expr;
  if (arg.type.kind.case !== "map") throw unexpectedInput(display, index, arg, '"MAP"');
  return arg;
}

/** The value a map holds for `key`, or undefined. */
function lookup(map: MapValue, key: Scalar, equals: (a: unknown, b: unknown) => boolean): Scalar | undefined {
  for (let i = 0; i < map.keys.length; i++) if (equals(map.keys[i], key)) return map.values[i] ?? null;
  return undefined;
}

function intIndex(index: Expr, display: string, position: number): Expr {
  if (!T.isIntegral(index.type) && !T.isNullType(index.type)) throw unexpectedInput(display, position, index, '"INT"');
  return implicitCast(index, T.INT);
}

/** A map argument's key brought to the map's key type. */
function keyArg(map: Expr, key: Expr, display: string): Expr {
  const keyType = mapParts(map.type).key;
  if (widerType(keyType, key.type) === null) throw unexpectedInput(display, 1, key, T.sqlTypeName(keyType));
  return implicitCast(key, keyType);
}

const elementAt: ScalarFunction = {
  resolve: (args, ctx) => {
    const [container, key] = args as [Expr, Expr];
    const display = shown("element_at", args);
    if (container.type.kind.case === "map") {
      const value = mapParts(container.type).value;
      return call("element_at", [container, keyArg(container, key, display)], value, display, ctx, true);
    }
    requireArray(display, args);
    const element = arrayParts(container.type).element;
    return call("element_at", [container, intIndex(key, display, 1)], element, display, ctx, true);
  },
  kernel: (args, c) => {
    const container = c.args[0] as Expr;
    if (container.type.kind.case === "map") {
      const equals = equalityOf(mapParts(container.type).key);
      return rowKernel(args, c.type, ([m, k]) => lookup(m as MapValue, k ?? null, equals) ?? null);
    }
    return rowKernel(args, c.type, ([a, i]) => {
      const array = a as readonly Scalar[];
      const index = i as number;
      if (index === 0) throw indexOfZero();
      const at = index > 0 ? index - 1 : array.length + index;
      if (at < 0 || at >= array.length) {
        if (c.ansi) throw arrayIndexOutOfBounds("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", index, array.length);
        return null;
      }
      return array[at] ?? null;
    });
  },
};

/** try_element_at: element_at that gives NULL for an index past either end whatever the ANSI mode (0 still fails). */
const tryElementAt: ScalarFunction = {
  resolve: (args, ctx, name) => {
    const resolved = elementAt.resolve(args, { ...ctx, ansi: false }, name);
    return { ...resolved, display: shown("try_element_at", args) } as Expr;
  },
};

/** `arr[i]` (0-based), `m[k]` and `st.f`, as the front ends send UnresolvedExtractValue. */
export function resolveExtractValue(child: Expr, extraction: Expr, ctx: ResolveContext): Expr {
  const display = `${displayOf(child)}[${displayOf(extraction)}]`;
  switch (child.type.kind.case) {
    case "array": {
      const index = intIndex(extraction, display, 1);
      return call("get_array_item", [child, index], arrayParts(child.type).element, display, ctx, true);
    }
    case "map": {
      const key = keyArg(child, extraction, display);
      return call("get_map_value", [child, key], mapParts(child.type).value, display, ctx, true);
    }
    case "struct": {
      if (extraction.kind !== "literal" || typeof extraction.value !== "string") {
        throw unexpectedInput(display, 1, extraction, '"STRING"');
      }
      return structField(child, extraction.value, ctx);
    }
    default:
      throw unexpectedInput(display, 0, child, '("ARRAY" or "MAP" or "STRUCT")');
  }
}

/** A field read spelled as a column name (`col("st.a")`, SQL `st.a`); Spark names it after the field alone. */
export const NAMED_FIELD_READ = "struct_field_by_name";

/** `st.f`: the field named `name`, matched case-insensitively as Spark's default resolver does. */
export function structField(child: Expr, name: string, ctx: ResolveContext, spelledAsColumn = false): Expr {
  const fields = structFields(child.type);
  const ordinal = fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
  const field = fields[ordinal];
  if (field === undefined) {
    throw unexpectedInput(`${displayOf(child)}.${name}`, 1, child, `a struct with field ${name}`);
  }
  const index: Expr = { kind: "literal", value: ordinal, type: T.INT, nullable: false };
  const display = `${displayOf(child)}.${field.name}`;
  const kernelName = spelledAsColumn ? NAMED_FIELD_READ : "get_struct_field";
  return call(kernelName, [child, index], field.type, display, ctx, child.nullable || field.nullable);
}

const getArrayItem: ScalarFunction = {
  // Built by extraction only; the name is not callable from SQL.
  resolve: (_args, _ctx, name) => {
    throw unresolvedRoutine(name);
  },
  kernel: (args, c) =>
    rowKernel(args, c.type, ([a, i]) => {
      const array = a as readonly Scalar[];
      const index = i as number;
      if (index < 0 || index >= array.length) {
        if (c.ansi) throw arrayIndexOutOfBounds("INVALID_ARRAY_INDEX", index, array.length);
        return null;
      }
      return array[index] ?? null;
    }),
};

const getMapValue: ScalarFunction = {
  resolve: getArrayItem.resolve,
  kernel: (args, c) => {
    const equals = equalityOf(mapParts((c.args[0] as Expr).type).key);
    return rowKernel(args, c.type, ([m, k]) => lookup(m as MapValue, k ?? null, equals) ?? null);
  },
};

const getStructField: ScalarFunction = {
  resolve: getArrayItem.resolve,
  kernel: (args, c) => rowKernel(args, c.type, ([s, i]) => (s as readonly Scalar[])[i as number] ?? null),
};

function sizeFunction(name: string): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      const display = shown(name, args);
      if (child.type.kind.case !== "array" && child.type.kind.case !== "map" && !T.isNullType(child.type)) {
        throw unexpectedInput(display, 0, child, '("ARRAY" or "MAP")');
      }
      return call("size", args, T.INT, display, ctx);
    },
    kernel: (args, c) => rowKernel(args, c.type, ([v]) => (Array.isArray(v) ? v.length : (v as MapValue).keys.length)),
  };
}

/** The array and the searched value brought to one element type (Spark widens both sides). */
function arrayAndValue(args: readonly Expr[], display: string): [Expr, Expr] {
  const array = requireArray(display, args);
  const value = args[1] as Expr;
  const { element, containsNull } = arrayParts(array.type);
  const wider = widerType(element, value.type);
  if (wider === null) {
    throw unexpectedInput(display, 1, value, T.sqlTypeName(element));
  }
  return [implicitCast(array, arrayType(wider, containsNull)), implicitCast(value, wider)];
}

const arrayContains: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("array_contains", args);
    const [array, value] = arrayAndValue(args, display);
    // A NULL element can make the answer NULL, so containsNull counts towards nullability (as in Spark).
    const nullable = array.nullable || value.nullable || arrayParts(array.type).containsNull;
    return call("array_contains", [array, value], T.BOOLEAN, display, ctx, nullable);
  },
  kernel: (args, c) => {
    const equals = equalityOf(arrayParts((c.args[0] as Expr).type).element);
    return rowKernel(args, c.type, ([a, v]) => {
      const array = a as readonly Scalar[];
      if (array.some((x) => x !== null && equals(x, v))) return true;
      return array.includes(null) ? null : false;
    });
  },
};

const arrayPosition: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("array_position", args);
    return call("array_position", arrayAndValue(args, display), T.LONG, display, ctx);
  },
  kernel: (args, c) => {
    const equals = equalityOf(arrayParts((c.args[0] as Expr).type).element);
    return rowKernel(args, c.type, ([a, v]) => {
      const at = (a as readonly Scalar[]).findIndex((x) => x !== null && equals(x, v));
      return BigInt(at + 1);
    });
  },
};

function mapView(name: string, typeOf: (map: T.DataType) => T.DataType, view: (m: MapValue) => Scalar): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const display = shown(name, args);
      const map = requireMap(display, args);
      return call(name, args, typeOf(map.type), display, ctx);
    },
    kernel: (args, c) => rowKernel(args, c.type, ([m]) => view(m as MapValue)),
  };
}

const mapContainsKey: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("map_contains_key", args);
    const map = requireMap(display, args);
    // Spark answers it as array_contains over map_keys, whose array type admits NULLs: always nullable.
    return call("map_contains_key", [map, keyArg(map, args[1] as Expr, display)], T.BOOLEAN, display, ctx, true);
  },
  kernel: (args, c) => {
    const equals = equalityOf(mapParts((c.args[0] as Expr).type).key);
    return rowKernel(args, c.type, ([m, k]) => lookup(m as MapValue, k ?? null, equals) !== undefined);
  },
};

export const collectionAccessors: Record<string, ScalarFunction> = {
  element_at: elementAt,
  try_element_at: tryElementAt,
  get_array_item: getArrayItem,
  get_map_value: getMapValue,
  get_struct_field: getStructField,
  [NAMED_FIELD_READ]: getStructField,
  size: sizeFunction("size"),
  cardinality: sizeFunction("cardinality"),
  array_contains: arrayContains,
  array_position: arrayPosition,
  map_keys: mapView(
    "map_keys",
    (m) => arrayType(mapParts(m).key, true),
    (m) => m.keys,
  ),
  map_values: mapView(
    "map_values",
    (m) => arrayType(mapParts(m).value, mapParts(m).valueContainsNull),
    (m) => m.values,
  ),
  map_entries: mapView(
    "map_entries",
    (m) => {
      const { key, value, valueContainsNull } = mapParts(m);
      const entry = T.structType([
        { name: "key", type: key, nullable: false },
        { name: "value", type: value, nullable: valueContainsNull },
      ]);
      return arrayType(entry, false);
    },
    (m) => m.keys.map((k, i) => [k, m.values[i] ?? null]),
  ),
  map_contains_key: mapContainsKey,
};

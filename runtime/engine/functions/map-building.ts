/**
 * Maps built from other values: map_concat (several maps into one), map_from_entries (an array of key/value
 * structs) and str_to_map (text split by two regular expressions). Keys are checked as Spark's default EXCEPTION
 * dedup policy checks them: a NULL or repeated key is an error.
 */
import { commonType, implicitCast } from "../analyzer/type-coercion.js";
import type { MapValue, Scalar } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr, Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayParts, mapParts, mapType, structFields } from "../types/nested-types.js";
import { buildMap } from "./collection-constructors.js";
import { dataDiffTypes, unexpectedInput } from "./collection-errors.js";
import { call, type ScalarFunction } from "./function-types.js";
import { regexCache } from "./java-regex.js";
import { rowKernel } from "./nested-kernel-helpers.js";
import { splitJava } from "./regexp-split.js";

const shown = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;
const keyTypeOf = (t: T.DataType): T.DataType => mapParts(t).key;

/** map_concat() of nothing: an empty map<string,string>; the anchor gives the kernel the batch length. */
const ROW_COUNT_ANCHOR: Literal = { kind: "literal", value: null, type: T.STRING, nullable: true };

const mapConcat: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("map_concat", args);
    args.forEach((arg, i) => {
      if (arg.type.kind.case !== "map") throw unexpectedInput(display, i, arg, '"MAP"');
    });
    if (args.length === 0) {
      return call("map_concat", [ROW_COUNT_ANCHOR], mapType(T.STRING, T.STRING, true), display, ctx, false);
    }
    const parts = args.map((a) => mapParts(a.type));
    const key = commonType(parts.map((p) => p.key));
    const value = commonType(parts.map((p) => p.value));
    if (key === null || value === null) {
      throw dataDiffTypes(
        display,
        "map_concat",
        args.map((a) => a.type),
      );
    }
    const cast = args.map((a, i) =>
      implicitCast(a, mapType(key, value, (parts[i] as (typeof parts)[number]).valueContainsNull)),
    );
    const valueContainsNull = parts.some((p) => p.valueContainsNull);
    return call("map_concat", cast, mapType(key, value, valueContainsNull), display, ctx);
  },
  kernel: (args, c) => {
    // Plans cross worker threads by structured clone, so the anchor is recognised by shape (maps are never strings).
    if (c.args.length === 1 && c.args[0]?.type.kind.case === "string") {
      return rowKernel(args, c.type, () => ({ keys: [], values: [] }), false);
    }
    const keyType = keyTypeOf(c.type);
    return rowKernel(args, c.type, (maps) => {
      const all = maps as MapValue[];
      return buildMap(
        keyType,
        all.flatMap((m) => m.keys),
        all.flatMap((m) => m.values),
      );
    });
  },
};

const mapFromEntries: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = shown("map_from_entries", args);
    const [entries] = args as [Expr];
    const required = '"ARRAY" of pair "STRUCT"';
    if (entries.type.kind.case !== "array") throw unexpectedInput(display, 0, entries, required);
    const { element, containsNull } = arrayParts(entries.type);
    if (element.kind.case !== "struct" || structFields(element).length !== 2) {
      throw unexpectedInput(display, 0, entries, required);
    }
    const [key, value] = structFields(element) as [
      ReturnType<typeof structFields>[number],
      ReturnType<typeof structFields>[number],
    ];
    const type = mapType(key.type, value.type, value.nullable);
    return call("map_from_entries", [entries], type, display, ctx, entries.nullable || containsNull);
  },
  kernel: (args, c) => {
    const keyType = keyTypeOf(c.type);
    return rowKernel(args, c.type, ([list]) => {
      const entries = list as readonly (readonly Scalar[] | null)[];
      // A NULL entry makes the whole map NULL.
      if (entries.includes(null)) return null;
      return buildMap(
        keyType,
        entries.map((e) => e?.[0] ?? null),
        entries.map((e) => e?.[1] ?? null),
      );
    });
  },
};

const stringLiteral = (value: string): Literal => ({ kind: "literal", value, type: T.STRING, nullable: false });

const strToMap: ScalarFunction = {
  resolve: (args, ctx) => {
    const full = [...args, stringLiteral(","), stringLiteral(":")].slice(0, 3);
    const display = shown("str_to_map", full);
    full.forEach((arg, i) => {
      if (!T.isString(arg.type) && !T.isNullType(arg.type)) throw unexpectedInput(display, i, arg, '"STRING"');
    });
    const type = mapType(T.STRING, T.STRING, true);
    return call(
      "str_to_map",
      full.map((a) => implicitCast(a, T.STRING)),
      type,
      display,
      ctx,
    );
  },
  kernel: (args, c) => {
    const compile = regexCache(true);
    return rowKernel(args, c.type, ([text, pairDelimiter, keyValueDelimiter]) => {
      const pairs = splitJava(text as string, compile(pairDelimiter as string), -1);
      const keys: Scalar[] = [];
      const values: Scalar[] = [];
      for (const pair of pairs) {
        const [key, value] = splitJava(pair, compile(keyValueDelimiter as string), 2);
        keys.push(key ?? "");
        values.push(value ?? null);
      }
      return buildMap(T.STRING, keys, values);
    });
  },
};

export const mapBuildingFunctions: Record<string, ScalarFunction> = {
  map_concat: mapConcat,
  map_from_entries: mapFromEntries,
  str_to_map: strToMap,
};

/**
 * rand / random, randn, uniform and randstr. Each keeps one XORShiftRandom per partition, seeded with
 * seed + partition index, and draws from it row after row across the partition's batches, as Spark's
 * Nondeterministic expressions do; the same layout therefore gives Spark's values.
 * uniform(min, max) is Spark's CAST(min + (max - min) * rand(seed) AS <type>), its type the wider of the bounds
 * (integral bounds stay integral); randstr picks each character from 0-9, a-z, A-Z with |nextInt() % 62|.
 */
import type { ColumnVector } from "../columnar/column-vector.js";
import { getScalar } from "../columnar/column-vector.js";
import { XorShiftRandom } from "../execution/xorshift-random.js";
import { displayOf, literalDisplay } from "../logical/expression-display.js";
import type { Call } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { unexpectedInput } from "./collection-errors.js";
import { call, type EvalContext, type ScalarFunction } from "./function-types.js";
import { partitionState } from "./partition-scope.js";
import { seedArgument, seedOf } from "./random-seeds.js";

function generator(seedColumn: ColumnVector, node: Call, ctx: EvalContext): XorShiftRandom {
  const seed = seedOf(seedColumn);
  return partitionState(ctx.partition, node, (index) => new XorShiftRandom(seed + BigInt(index)));
}

function doubles(length: number, draw: () => number): ColumnVector {
  const data = new Float64Array(length);
  for (let i = 0; i < length; i++) data[i] = draw();
  return { type: T.DOUBLE, length, data, validity: null };
}

/** rand(seed) and randn(seed): a DOUBLE per row, never NULL; the name shows the seed even when Spark drew it. */
function seededDouble(name: string, draw: (random: XorShiftRandom) => number): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      if (args.length > 1) throw new TypeError(`${name} takes at most one argument`);
      const seed = seedArgument(args[0], () => `${name}(${args.map(displayOf).join(", ")})`, 0);
      return call(name, [seed], T.DOUBLE, `${name}(${literalDisplay(seed.value, seed.type)})`, ctx, false);
    },
    kernel: ([seed], node, ctx) => {
      const column = seed as ColumnVector;
      const random = generator(column, node, ctx);
      return doubles(column.length, () => draw(random));
    },
  };
}

const INTEGRAL_RESULT: readonly T.DataType[] = [T.LONG, T.INT, T.SHORT];

function uniformType(min: T.DataType, max: T.DataType): T.DataType {
  if (T.isNullType(min) || T.isNullType(max)) return T.NULL;
  const kinds = [min.kind.case, max.kind.case];
  if (T.isIntegral(min) && T.isIntegral(max)) {
    return INTEGRAL_RESULT.find((t) => kinds.includes(t.kind.case)) ?? T.INT;
  }
  return kinds.includes("double") ? T.DOUBLE : T.FLOAT;
}

const BOUND_TYPES = new Set(["short", "integer", "long", "float", "double", "null"]);

const uniform: ScalarFunction = {
  resolve: (args, ctx) => {
    const [min, max] = args;
    if (min === undefined || max === undefined || args.length > 3)
      throw new TypeError("uniform takes two or three arguments");
    const display = () => `uniform(${args.map(displayOf).join(", ")})`;
    ([min, max] as const).forEach((bound, i) => {
      if (!BOUND_TYPES.has(bound.type.kind.case ?? ""))
        throw unexpectedInput(display(), i, bound, "integer or floating-point");
    });
    const seed = seedArgument(args[2], display, 2);
    const type = uniformType(min.type, max.type);
    const shown = `uniform(${displayOf(min)}, ${displayOf(max)}, ${literalDisplay(seed.value, seed.type)})`;
    return call("uniform", [min, max, seed], type, shown, ctx, false);
  },
  kernel: ([min, max, seed], node, ctx) => {
    const seedColumn = seed as ColumnVector;
    const length = seedColumn.length;
    const random = generator(seedColumn, node, ctx);
    const type = node.type;
    if (T.isNullType(type)) return { type, length, data: new Uint8Array(length), validity: new Uint8Array(length) };
    const low = Number(getScalar(min as ColumnVector, 0));
    const high = Number(getScalar(max as ColumnVector, 0));
    const values = Array.from({ length }, () => low + (high - low) * random.nextDouble());
    switch (type.kind.case) {
      case "long":
        return { type, length, data: BigInt64Array.from(values, (v) => BigInt(Math.trunc(v))), validity: null };
      case "integer":
        return { type, length, data: Int32Array.from(values, Math.trunc), validity: null };
      case "short":
        return { type, length, data: Int16Array.from(values, Math.trunc), validity: null };
      case "float":
        return { type, length, data: Float32Array.from(values), validity: null };
      default:
        return { type, length, data: Float64Array.from(values), validity: null };
    }
  },
};

const CHARACTER_POOL = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

const randstr: ScalarFunction = {
  resolve: (args, ctx) => {
    const [length] = args;
    if (length === undefined || args.length > 2) throw new TypeError("randstr takes one or two arguments");
    const display = () => `randstr(${args.map(displayOf).join(", ")})`;
    const kind = length.type.kind.case;
    if (length.kind !== "literal" || (kind !== "short" && kind !== "integer"))
      throw unexpectedInput(display(), 0, length, "constant value of INT or SMALLINT");
    const seed = seedArgument(args[1], display, 1);
    const shown = `randstr(${displayOf(length)}, ${literalDisplay(seed.value, seed.type)})`;
    return call("randstr", [length, seed], T.STRING, shown, ctx, false);
  },
  kernel: ([length, seed], node, ctx) => {
    const seedColumn = seed as ColumnVector;
    const random = generator(seedColumn, node, ctx);
    const rows = seedColumn.length;
    const data = new Array<string>(rows);
    for (let row = 0; row < rows; row++) {
      const chars = Number(getScalar(length as ColumnVector, row) ?? 0);
      let text = "";
      for (let i = 0; i < chars; i++) text += CHARACTER_POOL[Math.abs(random.nextInt() % 62)];
      data[row] = text;
    }
    return { type: T.STRING, length: rows, data, validity: null };
  },
};

const rand = seededDouble("rand", (random) => random.nextDouble());

export const randomFunctions: Record<string, ScalarFunction> = {
  rand,
  randn: seededDouble("randn", (random) => random.nextGaussian()),
  uniform,
  randstr,
};

/** `random` is rand under another name; Spark names the column `rand(seed)` either way. */
export const randomAliases: Record<string, string> = { random: "rand" };

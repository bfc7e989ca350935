/**
 * shuffle(array, seed): a random permutation of each array, drawn as Spark draws it — the "inside-out"
 * Fisher-Yates over a commons-math3 MersenneTwister seeded with seed + partition index, one generator per
 * partition. The column name hides the seed, as Spark's does.
 */
import type { ColumnVector, NestedValue, Scalar } from "../columnar/column-vector.js";
import { MersenneTwister } from "../execution/mersenne-twister.js";
import { displayOf } from "../logical/expression-display.js";
import { unexpectedInput } from "./collection-errors.js";
import { call, type ScalarFunction } from "./function-types.js";
import { partitionState } from "./partition-scope.js";
import { seedArgument, seedOf } from "./random-seeds.js";

/** Spark's permutation: position i takes a random earlier slot j, whose index moves to i. */
function permutation(length: number, random: MersenneTwister): Int32Array {
  const indices = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const j = random.nextInt(i + 1);
    if (j !== i) indices[i] = indices[j] as number;
    indices[j] = i;
  }
  return indices;
}

const shuffle: ScalarFunction = {
  resolve: (args, ctx) => {
    const [array] = args;
    if (array === undefined || args.length > 2) throw new TypeError("shuffle takes one or two arguments");
    const display = `shuffle(${displayOf(array)})`;
    if (array.type.kind.case !== "array") throw unexpectedInput(display, 0, array, '"ARRAY"');
    const seed = seedArgument(args[1], () => display, 1);
    return call("shuffle", [array, seed], array.type, display, ctx, array.nullable);
  },
  kernel: ([input, seed], node, ctx) => {
    const arrays = input as ColumnVector;
    const seedValue = seedOf(seed as ColumnVector);
    const random = partitionState(ctx.partition, node, (index) => new MersenneTwister(seedValue + BigInt(index)));
    const values = arrays.data as NestedValue[];
    const data = new Array<NestedValue>(arrays.length);
    for (let row = 0; row < arrays.length; row++) {
      if (arrays.validity !== null && arrays.validity[row] === 0) {
        data[row] = [];
        continue;
      }
      const list = values[row] as readonly Scalar[];
      data[row] = Array.from(permutation(list.length, random), (i) => list[i] as Scalar);
    }
    return { type: node.type, length: arrays.length, data, validity: arrays.validity };
  },
};

export const arrayShuffleFunctions: Record<string, ScalarFunction> = { shuffle };

/** `hash(...)`: Spark's Murmur3 hash of its arguments (seed 42), an INT. Also proves our shuffle hash matches. */
import type { ColumnVector } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import { hashColumns } from "../shuffle/murmur3.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";

const hash: ScalarFunction = {
  resolve: (args, ctx) => call("hash", args, T.INT, `hash(${args.map(displayOf).join(", ")})`, ctx, false),
  kernel: (args, c) => {
    const n = args[0]?.length ?? 0;
    const hashes = hashColumns(args as ColumnVector[], n);
    return { type: c.type, length: n, data: hashes, validity: null };
  },
};

export const hashingFunctions: Record<string, ScalarFunction> = { hash };

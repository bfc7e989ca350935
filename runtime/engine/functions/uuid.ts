/**
 * uuid(): a random version-4 UUID per row. Spark draws it from a generator seeded per partition; the engine
 * draws from the platform's cryptographic source, so values differ from Spark's (they are random either way)
 * while the form, 36 characters in 8-4-4-4-12 groups, is the same.
 */
import { randomUUID } from "node:crypto";
import type { ColumnVector } from "../columnar/column-vector.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";

const uuid: ScalarFunction = {
  resolve: (args, ctx) => {
    // The seed the client sends is not part of the name; a literal keeps the batch length for the kernel.
    const seed = args[0] ?? { kind: "literal" as const, value: 0n, type: T.LONG, nullable: false };
    return call("uuid", [seed], T.STRING, "uuid()", ctx, false);
  },
  kernel: ([seed]) => {
    const length = (seed as ColumnVector).length;
    const data = Array.from({ length }, () => randomUUID());
    return { type: T.STRING, length, data, validity: null };
  },
};

export const uuidFunctions: Record<string, ScalarFunction> = { uuid };

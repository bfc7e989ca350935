/**
 * Hash functions: `hash(...)` (Spark's Murmur3, seed 42, an INT; also proves our shuffle hash matches),
 * `xxhash64(...)` (BIGINT), the hex digests md5/sha1/sha2 and crc32 over the bytes of their input.
 */
import { createHash } from "node:crypto";
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import { hashColumns } from "../shuffle/murmur3.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues, valuesOf } from "./kernel-helpers.js";
import { mapRows } from "./row-kernels.js";
import { xxhashColumns } from "./xxhash64.js";

const hash: ScalarFunction = {
  resolve: (args, ctx) => call("hash", args, T.INT, `hash(${args.map(displayOf).join(", ")})`, ctx, false),
  kernel: (args, c) => {
    const n = args[0]?.length ?? 0;
    const hashes = hashColumns(args as ColumnVector[], n);
    return { type: c.type, length: n, data: hashes, validity: null };
  },
};

const xxhash64: ScalarFunction = {
  resolve: (args, ctx) => call("xxhash64", args, T.LONG, `xxhash64(${args.map(displayOf).join(", ")})`, ctx, false),
  kernel: (args, c) => {
    const n = args[0]?.length ?? 0;
    return { type: c.type, length: n, data: xxhashColumns(args as ColumnVector[], n), validity: null };
  },
};

const asBinary = (e: Expr): Expr => (e.type.kind.case === "binary" ? e : implicitCast(e, T.BINARY));

function digest(name: string, algorithm: string): ScalarFunction {
  return {
    resolve: (args, ctx, called) => {
      const [child] = args as [Expr];
      return call(name, [asBinary(child)], T.STRING, `${called}(${displayOf(child)})`, ctx);
    },
    kernel: ([a]) =>
      mapValues<Uint8Array, string>(a as ColumnVector, T.STRING, (bytes) =>
        createHash(algorithm).update(bytes).digest("hex"),
      ),
  };
}

const SHA2_ALGORITHMS: Record<number, string> = {
  0: "sha256",
  224: "sha224",
  256: "sha256",
  384: "sha384",
  512: "sha512",
};

/** sha2(bytes, bits): NULL for a bit length other than 0, 224, 256, 384 or 512. */
const sha2: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child, bits] = args as [Expr, Expr];
    return call(
      "sha2",
      [asBinary(child), implicitCast(bits, T.INT)],
      T.STRING,
      `sha2(${displayOf(child)}, ${displayOf(bits)})`,
      ctx,
      true,
    );
  },
  kernel: ([a, b]) => {
    const bytes = valuesOf<Uint8Array>(a as ColumnVector);
    const bits = valuesOf<number>(b as ColumnVector);
    return mapRows<string>([a, b] as ColumnVector[], T.STRING, (i) => {
      const algorithm = SHA2_ALGORITHMS[bits[i] as number];
      return algorithm === undefined
        ? null
        : createHash(algorithm)
            .update(bytes[i] as Uint8Array)
            .digest("hex");
    });
  },
};

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32Of(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const crc32: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    return call("crc32", [asBinary(child)], T.LONG, `crc32(${displayOf(child)})`, ctx);
  },
  kernel: ([a]) => mapValues<Uint8Array, bigint>(a as ColumnVector, T.LONG, (bytes) => BigInt(crc32Of(bytes))),
};

export const hashingFunctions: Record<string, ScalarFunction> = {
  hash,
  xxhash64,
  md5: digest("md5", "md5"),
  sha1: digest("sha1", "sha1"),
  sha: digest("sha1", "sha1"),
  sha2,
  crc32,
};

/**
 * sequence(start, stop[, step]): integers (of the arguments' wider integral type) or dates a day apart. The step
 * defaults to 1 or -1 toward `stop`; a step pointing away from `stop` (or 0 between different bounds) is the
 * IllegalArgumentException Spark raises.
 */
import { IllegalArgumentException } from "../../errors/index.js";
import { commonType, implicitCast } from "../analyzer/type-coercion.js";
import type { Scalar } from "../columnar/column-vector.js";
import { notSupportedLocally, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { dataDiffTypes, unexpectedInput } from "./collection-errors.js";
import { call, type ScalarFunction } from "./function-types.js";
import { rowKernel } from "./nested-kernel-helpers.js";

/** Spark's cap on array length (the JVM's largest array, rounded). */
const MAX_ARRAY_LENGTH = 2147483632;

function illegalBoundaries(start: Scalar, stop: Scalar, step: Scalar) {
  return new IllegalArgumentException(
    `requirement failed: Illegal sequence boundaries: ${start} to ${stop} by ${step}`,
  );
}

function tooLong(length: bigint) {
  return sparkError(
    IllegalArgumentException,
    "COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER",
    "54000",
    `Can't create array with ${length} elements which exceeding the array size limit ${MAX_ARRAY_LENGTH}.`,
    { numberOfElements: String(length), maxRoundedArrayLength: String(MAX_ARRAY_LENGTH), functionName: "`sequence`" },
  );
}

/** The values from start to stop by step, all as bigints (the caller converts to the element's storage). */
function steps(start: bigint, stop: bigint, step: bigint): bigint[] {
  const valid = (step > 0n && start <= stop) || (step < 0n && start >= stop) || (step === 0n && start === stop);
  if (!valid) throw illegalBoundaries(start, stop, step);
  if (start === stop) return [start];
  const length = (stop - start) / step + 1n;
  if (length > BigInt(MAX_ARRAY_LENGTH)) throw tooLong(length);
  return Array.from({ length: Number(length) }, (_, k) => start + BigInt(k) * step);
}

const sequence: ScalarFunction = {
  resolve: (args, ctx) => {
    const display = `sequence(${args.map(displayOf).join(", ")})`;
    const [start, stop] = args as [Expr, Expr];
    const bounds = commonType([start.type, stop.type]);
    if (bounds === null) throw dataDiffTypes(display, "sequence", [start.type, stop.type]);
    if (bounds.kind.case === "timestamp" || bounds.kind.case === "timestampNtz") {
      throw notSupportedLocally("sequence over timestamps (steps are intervals)");
    }
    if (!T.isIntegral(bounds) && bounds.kind.case !== "date") {
      throw unexpectedInput(display, 0, start, '("INTEGRAL" or "DATE" or "TIMESTAMP")');
    }
    const step = args[2];
    if (step !== undefined && (bounds.kind.case === "date" || !T.isIntegral(step.type))) {
      throw notSupportedLocally(`sequence with a ${T.sqlTypeName(step.type)} step over ${T.sqlTypeName(bounds)}`);
    }
    const element = step === undefined ? bounds : commonType([bounds, step.type]);
    if (element === null) throw dataDiffTypes(display, "sequence", [bounds, (step as Expr).type]);
    const typed = args.map((a) => implicitCast(a, element));
    return call("sequence", typed, arrayType(element, false), display, ctx);
  },
  kernel: (args, c) => {
    const element = (c.args[0] as Expr).type;
    const asBig = element.kind.case === "long";
    return rowKernel(args, c.type, ([start, stop, step]) => {
      const [from, to] = [BigInt(start as number | bigint), BigInt(stop as number | bigint)];
      const by = step === undefined ? (from <= to ? 1n : -1n) : BigInt(step as number | bigint);
      const values = steps(from, to, by);
      return asBig ? values : values.map(Number);
    });
  },
};

export const sequenceFunctions: Record<string, ScalarFunction> = { sequence };

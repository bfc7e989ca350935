/** Spark's byte-size conf values: a number with an optional unit (b, k/kb, m/mb, g/gb, t/tb); plain means bytes. */
import { IllegalArgumentException } from "../../errors/index.js";

const UNITS: Readonly<Record<string, number>> = { b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

export function parseByteSize(key: string, value: string): number {
  const match = /^\s*(\d+)\s*([bkmgt])?b?\s*$/i.exec(value);
  if (match === null)
    throw new IllegalArgumentException(
      `${key} should be a size in bytes with an optional unit (b, k, m, g, t), got '${value}'.`,
    );
  return Number(match[1]) * (UNITS[(match[2] ?? "b").toLowerCase()] as number);
}

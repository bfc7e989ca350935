/** Dropping digits from unscaled decimals under Java's BigDecimal rounding modes, as round/bround/ceil/floor do. */
import { pow10 } from "./decimal-math.js";

export type RoundingMode = "HALF_UP" | "HALF_EVEN" | "CEILING" | "FLOOR";

/** Rescales `unscaled` from scale `from` down to scale `to` (which may be negative), rounding by `mode`. */
export function roundUnscaled(unscaled: bigint, from: number, to: number, mode: RoundingMode): bigint {
  if (to >= from) return unscaled * pow10(to - from);
  const unit = pow10(from - to);
  let q = unscaled / unit; // truncates toward zero
  const r = unscaled - q * unit;
  if (r !== 0n) {
    const positive = r > 0n;
    const twice = (positive ? r : -r) * 2n;
    let away: boolean;
    switch (mode) {
      case "CEILING":
        away = positive;
        break;
      case "FLOOR":
        away = !positive;
        break;
      case "HALF_UP":
        away = twice >= unit;
        break;
      case "HALF_EVEN":
        away = twice > unit || (twice === unit && (q % 2n === 1n || q % 2n === -1n));
        break;
    }
    if (away) q += positive ? 1n : -1n;
  }
  // A negative target scale keeps the digits at scale 0 (Spark's result type has scale 0 then).
  return to < 0 ? q * pow10(-to) : q;
}

/**
 * Engine values → the text Spark's file writers produce: dates `yyyy-MM-dd`, timestamps
 * `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the session zone (NTZ without the offset), doubles in Java's
 * `Double.toString` form (`1.0`, `1.0E10`), decimals in plain notation.
 */
import { civilFromDays, formatDate, toLocalMicros } from "../functions/datetime-format.js";

export { formatDate };

const two = (n: number): string => String(n).padStart(2, "0");

function wallClock(localMicros: bigint): string {
  const days = Number(localMicros / 86_400_000_000n) - (localMicros % 86_400_000_000n < 0n ? 1 : 0);
  const inDay = Number(localMicros - BigInt(days) * 86_400_000_000n);
  const { year, month, day } = civilFromDays(days);
  const seconds = Math.floor(inDay / 1_000_000);
  const millis = Math.floor((inDay % 1_000_000) / 1000);
  const yyyy = year < 0 ? `-${String(-year).padStart(4, "0")}` : String(year).padStart(4, "0");
  return `${yyyy}-${two(month)}-${two(day)}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.${String(millis).padStart(3, "0")}`;
}

function offsetText(offsetMicros: bigint): string {
  if (offsetMicros === 0n) return "Z";
  const minutes = Number(offsetMicros / 60_000_000n);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

export function formatTimestamp(micros: bigint, timeZone: string): string {
  const local = toLocalMicros(micros, timeZone);
  return `${wallClock(local)}${offsetText(local - micros)}`;
}

export const formatTimestampNtz = (micros: bigint): string => wallClock(micros);

/** Java's Double.toString: plain between 1e-3 and 1e7, else scientific with a mantissa like `1.5E10`. */
export function javaDouble(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(value);
    return text.includes(".") ? text : `${text}.0`;
  }
  const [mantissa = "", exponent = "0"] = value.toExponential().split("e");
  const m = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
  return `${m}E${exponent.replace("+", "")}`;
}

/** Java's Float.toString for a float32 value (shortest digits that read back as the same float). */
export function javaFloat(value: number): string {
  if (!Number.isFinite(value) || value === 0) return javaDouble(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return javaDouble(candidate);
  }
  return javaDouble(value);
}

export function formatDecimal(unscaled: bigint, scale: number): string {
  if (scale <= 0) return (unscaled * 10n ** BigInt(-scale)).toString();
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

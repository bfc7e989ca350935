/**
 * Doubles and floats printed the way the JVM's `Double.toString` / `Float.toString` print them, which is what
 * Spark shows: `1.0`, `1.0E20`, `1.0E-4`, `0.001`, `NaN`, `-Infinity`. Plain notation is used for magnitudes in
 * [10⁻³, 10⁷), computerized scientific notation otherwise, and there is always a digit after the point.
 *
 * Digits are the shortest that read back to the same value, except that a single digit becomes the closest
 * two-digit decimal (Double.MIN_VALUE is `4.9E-324`, not `5.0E-324`), which is JDK 19+'s rule. Older JVMs
 * occasionally print one more digit (JDK 17 shows 2e23 as 1.9999999999999998E23); that difference is accepted.
 */
export function formatJavaDouble(value: number): string {
  return formatJava(value, shortestDoubleDigits);
}

/** `value` must already be a float32 value (e.g. read from a Float32Array). */
export function formatJavaFloat(value: number): string {
  return formatJava(value, shortestFloatDigits);
}

interface DecimalDigits {
  /** Significant digits without leading or trailing zeros, e.g. "15" for 1.5 or 0.015. */
  readonly digits: string;
  /** Power of ten of the first digit: 1.5 → 0, 0.015 → -2. */
  readonly exponent: number;
}

function formatJava(value: number, digitsOf: (abs: number) => DecimalDigits): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  const abs = Math.abs(value);
  if (abs === 0) return `${sign}0.0`;
  const shortest = digitsOf(abs);
  // The JVM never settles for one digit: it takes the two-digit decimal nearest to the exact value instead.
  const { digits, exponent } = shortest.digits.length === 1 ? fromExponential(abs.toExponential(1)) : shortest;
  if (abs >= 1e-3 && abs < 1e7) return sign + plain(digits, exponent);
  const fraction = digits.length > 1 ? digits.slice(1) : "0";
  return `${sign}${digits[0]}.${fraction}E${exponent}`;
}

function plain(digits: string, exponent: number): string {
  if (exponent < 0) return `0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return `${whole}.${fraction === "" ? "0" : fraction}`;
}

/** Parses JS exponential text (`1.2345e-7`) into digits and exponent. */
function fromExponential(text: string): DecimalDigits {
  const [mantissa = "", exp = "0"] = text.split("e");
  const digits = mantissa.replace(".", "").replace(/0+$/, "") || "0";
  return { digits, exponent: Number(exp) };
}

/** JS's `toExponential()` without an argument already gives the shortest round-tripping digits of a double. */
function shortestDoubleDigits(abs: number): DecimalDigits {
  return fromExponential(abs.toExponential());
}

/** The fewest digits that parse back to the same float32. */
function shortestFloatDigits(abs: number): DecimalDigits {
  for (let precision = 1; precision <= 9; precision++) {
    const text = abs.toExponential(precision - 1);
    if (Math.fround(Number(text)) === abs) return fromExponential(text);
  }
  return fromExponential(abs.toExponential(8));
}

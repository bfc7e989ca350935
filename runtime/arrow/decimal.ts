/**
 * An exact decimal: an unscaled bigint and a scale, so decimal(38,38) and decimal(38,0) survive untouched
 * (a JS number keeps only ~15–17 significant digits).
 */
export class Decimal {
  constructor(
    /** The digits as an integer: 12.34 at scale 2 is 1234n. */
    readonly unscaled: bigint,
    /** How many of those digits are after the decimal point. */
    readonly scale: number,
  ) {
    if (!Number.isInteger(scale) || scale < 0)
      throw new RangeError(`Decimal scale must be a non-negative integer, got ${scale}`);
  }

  /** Reads plain decimal text such as `-12.340` (the scale is the number of fraction digits given). */
  static parse(text: string): Decimal {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
    if (!match || (match[2] === "" && (match[3] ?? "") === ""))
      throw new SyntaxError(`not a decimal number: "${text}"`);
    const fraction = match[3] ?? "";
    const digits = BigInt(`${match[2] || "0"}${fraction}`);
    return new Decimal(match[1] === "-" ? -digits : digits, fraction.length);
  }

  /** Plain notation with exactly `scale` fraction digits, as Spark prints decimals: `0.10`, `-5`, `1E+2` never. */
  toString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled).toString();
    if (this.scale === 0) return negative ? `-${digits}` : digits;
    const padded = digits.padStart(this.scale + 1, "0");
    const cut = padded.length - this.scale;
    return `${negative ? "-" : ""}${padded.slice(0, cut)}.${padded.slice(cut)}`;
  }

  /** The nearest double; this can lose digits, which is why it is a method and not the stored form. */
  toNumber(): number {
    return Number(this.toString());
  }

  /** JSON keeps every digit by writing the decimal as a string. */
  toJSON(): string {
    return this.toString();
  }

  /** Same numeric value and same scale (1.0 and 1.00 differ, as Spark's decimal(p,s) types do). */
  equals(other: Decimal): boolean {
    return this.unscaled === other.unscaled && this.scale === other.scale;
  }

  /** Numeric comparison across scales: negative, zero or positive. */
  compareTo(other: Decimal): number {
    const scale = Math.max(this.scale, other.scale);
    const a = this.unscaled * 10n ** BigInt(scale - this.scale);
    const b = other.unscaled * 10n ** BigInt(scale - other.scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Number of significant digits of the unscaled value (at least 1). */
  get precision(): number {
    const digits = (this.unscaled < 0n ? -this.unscaled : this.unscaled).toString().length;
    return Math.max(digits, 1);
  }
}

/**
 * Per-group exact integer sums (unscaled decimals) without a BigInt per row: each group adds in a double while
 * the running total stays within 2^53 (where doubles are exact), and moves it into a BigInt carry when the next
 * addition would leave that range. The total of a group is carry + double.
 */

const MAX_EXACT = Number.MAX_SAFE_INTEGER;

export class ExactSums {
  private small = new Float64Array(64);
  private carry: (bigint | undefined)[] | null = null;
  /** 1 once the group has seen a non-null value (a group of only NULLs sums to NULL). */
  private seen = new Uint8Array(64);

  private ensure(group: number): void {
    if (group < this.small.length) return;
    let capacity = this.small.length * 2;
    while (capacity <= group) capacity *= 2;
    const small = new Float64Array(capacity);
    small.set(this.small);
    this.small = small;
    const seen = new Uint8Array(capacity);
    seen.set(this.seen);
    this.seen = seen;
  }

  /** Adds a value that is an exact integer within ±2^53. */
  addNumber(group: number, value: number): void {
    this.ensure(group);
    const next = (this.small[group] as number) + value;
    if (next > MAX_EXACT || next < -MAX_EXACT) {
      this.spill(group, BigInt(value));
    } else {
      this.small[group] = next;
    }
    this.seen[group] = 1;
  }

  /** Adds `values[i]` (exact integers within ±2^53) to group `groups[i]` for every row valid in `validity`. */
  addNumbers(groups: Int32Array, values: Float64Array, validity: Uint8Array | null): void {
    let maxGroup = -1;
    for (let i = 0; i < groups.length; i++) if ((groups[i] as number) > maxGroup) maxGroup = groups[i] as number;
    if (maxGroup < 0) return;
    this.ensure(maxGroup);
    // The arrays cannot be replaced inside the loop: only ensure() grows them.
    const small = this.small;
    const seen = this.seen;
    for (let i = 0; i < groups.length; i++) {
      if (validity !== null && validity[i] === 0) continue;
      const group = groups[i] as number;
      const value = values[i] as number;
      const next = (small[group] as number) + value;
      if (next > MAX_EXACT || next < -MAX_EXACT) this.spill(group, BigInt(value));
      else small[group] = next;
      seen[group] = 1;
    }
  }

  addBigint(group: number, value: bigint): void {
    const n = Number(value);
    if (n <= MAX_EXACT && n >= -MAX_EXACT) {
      this.addNumber(group, n);
      return;
    }
    this.ensure(group);
    this.spill(group, value);
    this.seen[group] = 1;
  }

  private spill(group: number, value: bigint): void {
    this.carry ??= [];
    this.carry[group] = (this.carry[group] ?? 0n) + BigInt(this.small[group] as number) + value;
    this.small[group] = 0;
  }

  has(group: number): boolean {
    return group < this.seen.length && this.seen[group] === 1;
  }

  /**
   * The totals of groups 0..n-1 as doubles (validity 0 for groups without a value), when no group carried into
   * a BigInt and every total is within `limit`; undefined otherwise.
   */
  exactTotals(n: number, limit: number): { values: Float64Array; validity: Uint8Array | null } | undefined {
    if (this.carry !== null) return undefined;
    const values = new Float64Array(n);
    let validity: Uint8Array | null = null;
    for (let g = 0; g < n; g++) {
      if (!this.has(g)) {
        validity ??= new Uint8Array(n).fill(1);
        validity[g] = 0;
        continue;
      }
      const v = this.small[g] as number;
      if (v > limit || v < -limit) return undefined;
      values[g] = v;
    }
    return { values, validity };
  }

  /** The group's total, or null when it saw no value. */
  total(group: number): bigint | null {
    if (!this.has(group)) return null;
    const small = BigInt(this.small[group] as number);
    const carry = this.carry?.[group];
    return carry === undefined ? small : carry + small;
  }
}

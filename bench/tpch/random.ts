/** A small seeded generator (mulberry32) so every run of the data generator writes the same bytes. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Random words from a list, joined with spaces, up to about `maxLength` characters. */
  text(words: readonly string[], minWords: number, maxWords: number): string {
    const n = this.int(minWords, maxWords);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(words));
    return out.join(" ");
  }
}

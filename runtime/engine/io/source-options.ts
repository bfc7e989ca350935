/**
 * Data source options as Spark treats them: keys are case-insensitive, values are strings, and a bad value names
 * the option it came from.
 */
import { IllegalArgumentException } from "../../errors/index.js";

export class SourceOptions {
  private readonly values = new Map<string, string>();

  constructor(options: Readonly<Record<string, string>> = {}) {
    for (const [key, value] of Object.entries(options)) this.values.set(key.toLowerCase(), value);
  }

  get(key: string): string | undefined {
    return this.values.get(key.toLowerCase());
  }

  string(key: string, fallback: string): string {
    return this.get(key) ?? fallback;
  }

  boolean(key: string, fallback: boolean): boolean {
    const raw = this.get(key);
    if (raw === undefined) return fallback;
    const lower = raw.trim().toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    throw new IllegalArgumentException(`The option ${key} must be true or false, not ${JSON.stringify(raw)}.`);
  }

  /** A one-character option (sep, quote, escape); Spark also accepts an empty quote to mean "no quoting". */
  char(key: string, fallback: string): string {
    const raw = this.get(key);
    if (raw === undefined) return fallback;
    const unescaped = raw === "\\t" ? "\t" : raw;
    if (unescaped.length > 1) {
      throw new IllegalArgumentException(`The option ${key} must be a single character, not ${JSON.stringify(raw)}.`);
    }
    return unescaped;
  }

  entries(): IterableIterator<[string, string]> {
    return this.values.entries();
  }
}

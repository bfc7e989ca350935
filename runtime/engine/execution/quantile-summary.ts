/**
 * The Greenwald-Khanna quantile summary as Spark keeps it (approxQuantile, percentile_approx, summary's
 * percentiles): values are buffered, inserted in sorted batches with a rank uncertainty `delta`, and compressed by
 * folding neighbours whose combined rank span stays under 2·relativeError·count. With a relative error of 0, or
 * few enough values, nothing is folded and the answers are exact ranks. The batch size, the compression
 * threshold and the query walk follow Spark's, so the same values inserted the same way give Spark's answers.
 */

/** One kept sample: its value, the rank gap to the previous sample (g) and its rank uncertainty (delta). */
interface Sample {
  readonly value: number;
  readonly g: number;
  readonly delta: number;
}

/** Values are buffered and inserted this many at a time. */
const HEAD_SIZE = 50000;
/** After an insertion the samples are compressed once there are this many. */
const COMPRESS_THRESHOLD = 10000;

/** Java's total order on doubles: NaN above +Infinity. */
const compareDoubles = (a: number, b: number): number =>
  Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b;

export class QuantileSummary {
  private samples: Sample[] = [];
  /** Values inserted into `samples` (the head buffer not counted). */
  private count = 0;
  private head: number[] = [];

  constructor(readonly relativeError: number) {}

  insert(value: number): void {
    this.head.push(value);
    if (this.head.length < HEAD_SIZE) return;
    this.insertHead();
    if (this.samples.length >= COMPRESS_THRESHOLD) this.compress();
  }

  /** Inserts the buffered values in sorted order; the extremes are exact, the others carry 2·ε·n uncertainty. */
  private insertHead(): void {
    if (this.head.length === 0) return;
    const sorted = this.head.sort(compareDoubles);
    const next: Sample[] = [];
    let kept = 0;
    sorted.forEach((value, i) => {
      while (kept < this.samples.length && compareDoubles((this.samples[kept] as Sample).value, value) <= 0) {
        next.push(this.samples[kept] as Sample);
        kept++;
      }
      this.count++;
      const exact = next.length === 0 || (kept === this.samples.length && i === sorted.length - 1);
      next.push({ value, g: 1, delta: exact ? 0 : Math.floor(2 * this.relativeError * this.count) });
    });
    while (kept < this.samples.length) next.push(this.samples[kept++] as Sample);
    this.samples = next;
    this.head = [];
  }

  /** Inserts the buffer, then folds samples whose rank spans allow it (never the first or the last). */
  compress(): void {
    this.insertHead();
    this.samples = foldSamples(this.samples, 2 * this.relativeError * this.count);
  }

  /** Compresses both summaries, then merges `other` into this one, widening interleaved samples' deltas. */
  merge(other: QuantileSummary): void {
    this.compress();
    other.compress();
    if (other.count === 0) return;
    if (this.count === 0) {
      this.samples = other.samples;
      this.count = other.count;
      return;
    }
    const selfExtra = Math.floor(2 * other.relativeError * other.count);
    const otherExtra = Math.floor(2 * this.relativeError * this.count);
    const merged: Sample[] = [];
    let a = 0;
    let b = 0;
    while (a < this.samples.length && b < other.samples.length) {
      const mine = this.samples[a] as Sample;
      const theirs = other.samples[b] as Sample;
      if (mine.value < theirs.value) {
        merged.push(b > 0 ? { ...mine, delta: mine.delta + selfExtra } : mine);
        a++;
      } else {
        merged.push(a > 0 ? { ...theirs, delta: theirs.delta + otherExtra } : theirs);
        b++;
      }
    }
    merged.push(...this.samples.slice(a), ...other.samples.slice(b));
    const error = Math.max(this.relativeError, other.relativeError);
    this.count += other.count;
    this.samples = foldSamples(merged, 2 * error * this.count);
  }

  /** The compressed summary as numbers (count, then value, g, delta per sample), to travel between tasks. */
  toNumbers(): number[] {
    this.compress();
    const out = [this.count];
    for (const s of this.samples) out.push(s.value, s.g, s.delta);
    return out;
  }

  static fromNumbers(relativeError: number, numbers: readonly number[]): QuantileSummary {
    const summary = new QuantileSummary(relativeError);
    summary.count = numbers[0] ?? 0;
    for (let i = 1; i + 2 < numbers.length; i += 3) {
      summary.samples.push({
        value: numbers[i] as number,
        g: numbers[i + 1] as number,
        delta: numbers[i + 2] as number,
      });
    }
    return summary;
  }

  /** The approximate value at each probability (in the order given), or undefined when nothing was inserted. */
  query(probabilities: readonly number[]): number[] | undefined {
    this.compress();
    const samples = this.samples;
    const first = samples[0];
    const last = samples[samples.length - 1];
    if (first === undefined || last === undefined) return undefined;
    let widest = Number.MIN_SAFE_INTEGER;
    for (const s of samples) widest = Math.max(widest, s.g + s.delta);
    const targetError = Math.trunc(widest / 2);
    const results = new Array<number>(probabilities.length).fill(0);
    // Ascending probabilities share one walk over the samples, as in Spark.
    const order = probabilities.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
    let index = 0;
    let minRank = first.g;
    for (const { p, i } of order) {
      if (p <= this.relativeError) results[i] = first.value;
      else if (p >= 1 - this.relativeError) results[i] = last.value;
      else {
        const rank = Math.ceil(p * this.count);
        let found: number | undefined;
        while (index < samples.length - 1) {
          const current = samples[index] as Sample;
          if (minRank + current.delta - targetError <= rank && rank <= minRank + targetError) {
            found = current.value;
            break;
          }
          index++;
          minRank += (samples[index] as Sample).g;
        }
        if (found === undefined) {
          index = samples.length - 1;
          minRank = 0;
          found = last.value;
        }
        results[i] = found;
      }
    }
    return results;
  }
}

/** Walks from the end, folding a sample into the kept one above it while their span stays under the threshold. */
function foldSamples(samples: readonly Sample[], threshold: number): Sample[] {
  const last = samples[samples.length - 1];
  const first = samples[0];
  if (last === undefined || first === undefined) return [];
  const kept: Sample[] = [];
  let top = last;
  for (let i = samples.length - 2; i >= 1; i--) {
    const sample = samples[i] as Sample;
    if (sample.g + top.g + top.delta < threshold) top = { ...top, g: top.g + sample.g };
    else {
      kept.push(top);
      top = sample;
    }
  }
  kept.push(top);
  if (samples.length > 1 && first.value <= top.value) kept.push(first);
  return kept.reverse();
}

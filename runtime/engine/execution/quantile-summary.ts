/**
 * The Greenwald-Khanna quantile summary behind percentile_approx, following Spark's QuantileSummaries step for
 * step (buffered inserts, the same compression and merge rules, the same rank search), so that the engine gives
 * the same approximate answer as Spark for the same partitioning. Each sample keeps its value, `g` (the rank gap
 * to the previous sample) and `delta` (the rank uncertainty).
 */

/** Spark's buffer of raw inserts before they are folded into the samples, and its compression threshold. */
const HEAD_SIZE = 50000;
const COMPRESS_THRESHOLD = 10000;

export interface QuantileSamples {
  readonly values: number[];
  readonly g: number[];
  readonly delta: number[];
}

export class QuantileSummary {
  private head: number[] = [];
  private compressed = true;

  constructor(
    readonly relativeError: number,
    private samples: QuantileSamples = { values: [], g: [], delta: [] },
    private count = 0,
  ) {}

  get total(): number {
    return this.count;
  }

  insert(x: number): void {
    this.head.push(x);
    this.compressed = false;
    if (this.head.length >= HEAD_SIZE) {
      this.foldHead();
      if (this.samples.values.length >= COMPRESS_THRESHOLD) this.compress();
    }
  }

  /** The compressed samples, as Spark serialises a partial state. */
  finished(): QuantileSamples {
    if (!this.compressed) this.compress();
    return this.samples;
  }

  /** Folds another (compressed) summary into this one, as Spark merges partial digests. */
  merge(other: QuantileSummary): void {
    if (!this.compressed) this.compress();
    const theirs = other.finished();
    if (other.count === 0) return;
    if (this.count === 0) {
      this.samples = { values: [...theirs.values], g: [...theirs.g], delta: [...theirs.delta] };
      this.count = other.count;
      return;
    }
    const mine = this.samples;
    const error = Math.max(this.relativeError, other.relativeError);
    const extraForMine = theirs.values.length === 0 ? 0 : Math.floor(2 * other.relativeError * other.count);
    const extraForTheirs = mine.values.length === 0 ? 0 : Math.floor(2 * this.relativeError * this.count);
    const merged: QuantileSamples = { values: [], g: [], delta: [] };
    const push = (from: QuantileSamples, k: number, extra: number) => {
      merged.values.push(from.values[k] as number);
      merged.g.push(from.g[k] as number);
      merged.delta.push((from.delta[k] as number) + extra);
    };
    let a = 0;
    let b = 0;
    while (a < mine.values.length && b < theirs.values.length) {
      if ((mine.values[a] as number) < (theirs.values[b] as number)) {
        push(mine, a, b > 0 ? extraForMine : 0);
        a++;
      } else {
        push(theirs, b, a > 0 ? extraForTheirs : 0);
        b++;
      }
    }
    for (; a < mine.values.length; a++) push(mine, a, 0);
    for (; b < theirs.values.length; b++) push(theirs, b, 0);
    this.count += other.count;
    this.samples = compressSamples(merged, 2 * error * this.count);
  }

  /** The approximate value at each percentage (in the order given); empty when nothing was inserted. */
  query(percentages: readonly number[]): number[] {
    const { values, g, delta } = this.finished();
    if (values.length === 0) return [];
    let targetError = Number.MIN_SAFE_INTEGER;
    for (let k = 0; k < values.length; k++)
      targetError = Math.max(targetError, (g[k] as number) + (delta[k] as number));
    targetError = Math.floor(targetError / 2);
    const order = percentages.map((_, k) => k).sort((x, y) => (percentages[x] as number) - (percentages[y] as number));
    const answers = new Array<number>(percentages.length);
    const last = values.length - 1;
    let index = 0;
    let minRank = g[0] as number;
    for (const position of order) {
      const percentage = percentages[position] as number;
      if (percentage <= this.relativeError) {
        answers[position] = values[0] as number;
        continue;
      }
      if (percentage >= 1 - this.relativeError) {
        answers[position] = values[last] as number;
        continue;
      }
      const rank = Math.ceil(percentage * this.count);
      let found = values[last] as number;
      while (index < last) {
        const maxRank = minRank + (delta[index] as number);
        if (maxRank - targetError <= rank && rank <= minRank + targetError) {
          found = values[index] as number;
          break;
        }
        index++;
        minRank += g[index] as number;
      }
      answers[position] = found;
    }
    return answers;
  }

  private compress(): void {
    this.foldHead();
    this.samples = compressSamples(this.samples, 2 * this.relativeError * this.count);
    this.compressed = true;
  }

  /** Sorts the buffered inserts into the samples; a new sample's delta is the error budget at its rank. */
  private foldHead(): void {
    if (this.head.length === 0) return;
    const sorted = Float64Array.from(this.head).sort();
    this.head = [];
    const old = this.samples;
    const out: QuantileSamples = { values: [], g: [], delta: [] };
    let k = 0;
    for (let n = 0; n < sorted.length; n++) {
      const x = sorted[n] as number;
      while (k < old.values.length && (old.values[k] as number) <= x) {
        out.values.push(old.values[k] as number);
        out.g.push(old.g[k] as number);
        out.delta.push(old.delta[k] as number);
        k++;
      }
      this.count++;
      const atEdge = out.values.length === 0 || (k === old.values.length && n === sorted.length - 1);
      out.values.push(x);
      out.g.push(1);
      out.delta.push(atEdge ? 0 : Math.floor(2 * this.relativeError * this.count));
    }
    for (; k < old.values.length; k++) {
      out.values.push(old.values[k] as number);
      out.g.push(old.g[k] as number);
      out.delta.push(old.delta[k] as number);
    }
    this.samples = out;
  }
}

/** Merges neighbouring samples from the top down while their combined uncertainty stays under the threshold. */
function compressSamples(samples: QuantileSamples, threshold: number): QuantileSamples {
  const { values, g, delta } = samples;
  const size = values.length;
  if (size === 0) return { values: [], g: [], delta: [] };
  const out: QuantileSamples = { values: [], g: [], delta: [] };
  let headValue = values[size - 1] as number;
  let headG = g[size - 1] as number;
  let headDelta = delta[size - 1] as number;
  for (let k = size - 2; k >= 1; k--) {
    if ((g[k] as number) + headG + headDelta < threshold) {
      headG += g[k] as number;
    } else {
      out.values.push(headValue);
      out.g.push(headG);
      out.delta.push(headDelta);
      headValue = values[k] as number;
      headG = g[k] as number;
      headDelta = delta[k] as number;
    }
  }
  out.values.push(headValue);
  out.g.push(headG);
  out.delta.push(headDelta);
  if ((values[0] as number) <= headValue && size > 1) {
    out.values.push(values[0] as number);
    out.g.push(g[0] as number);
    out.delta.push(delta[0] as number);
  }
  out.values.reverse();
  out.g.reverse();
  out.delta.reverse();
  return out;
}

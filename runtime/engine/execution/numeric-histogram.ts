/**
 * The streaming histogram behind histogram_numeric (Ben-Haim and Tom-Tov, "A Streaming Parallel Decision Tree
 * Algorithm", JMLR 2010), step for step as Spark's NumericHistogram runs it so the bins come out the same: a value
 * lands on its exact bin or becomes a new one; past `maxBins` the two closest neighbours merge into their weighted
 * mean. Ties between equally close pairs are broken with java.util.Random seeded 31183, one generator per
 * histogram, drawn only when a tie is seen. Merging two histograms concatenates, sorts by centre and trims.
 */
import { JavaRandom } from "./java-random.js";

const TIE_BREAK_SEED = 31183;

export class NumericHistogram {
  /** Bin centres and heights, sorted by centre. */
  xs: number[] = [];
  ys: number[] = [];
  private readonly random = new JavaRandom(TIE_BREAK_SEED);

  constructor(public maxBins: number) {}

  get usedBins(): number {
    return this.xs.length;
  }

  add(value: number): void {
    const { xs, ys } = this;
    // Binary search for the first centre not below the value; an equal centre stops the search.
    let bin = 0;
    for (let low = 0, high = xs.length; low < high; ) {
      bin = (low + high) >>> 1;
      const x = xs[bin] as number;
      if (x > value) high = bin;
      else if (x < value) low = ++bin;
      else break;
    }
    if (bin < xs.length && xs[bin] === value) {
      ys[bin] = (ys[bin] as number) + 1;
      return;
    }
    xs.splice(bin, 0, value);
    ys.splice(bin, 0, 1);
    if (xs.length > this.maxBins) this.trim();
  }

  /** Folds another histogram in; an empty one takes the other's bins (and bin limit) as they are. */
  merge(other: NumericHistogram): void {
    if (this.maxBins === 0 || this.xs.length === 0) {
      this.maxBins = other.maxBins;
      this.xs = [...other.xs];
      this.ys = [...other.ys];
      return;
    }
    const order = [...this.xs.map((x, i) => [x, this.ys[i]]), ...other.xs.map((x, i) => [x, other.ys[i]])] as [
      number,
      number,
    ][];
    // Java's Collections.sort is stable and orders doubles as Double.compare does.
    order.sort((a, b) => javaDoubleCompare(a[0], b[0]));
    this.xs = order.map((bin) => bin[0]);
    this.ys = order.map((bin) => bin[1]);
    this.trim();
  }

  private trim(): void {
    const { xs, ys } = this;
    while (xs.length > this.maxBins) {
      let smallest = (xs[1] as number) - (xs[0] as number);
      let at = 0;
      let ties = 1;
      for (let i = 1; i < xs.length - 1; i++) {
        const diff = (xs[i + 1] as number) - (xs[i] as number);
        if (diff < smallest) {
          smallest = diff;
          at = i;
          ties = 1;
        } else if (diff === smallest && this.random.nextDouble() <= 1 / ++ties) {
          at = i;
        }
      }
      const leftY = ys[at] as number;
      const rightY = ys[at + 1] as number;
      const height = leftY + rightY;
      // The same operation order as Spark keeps the rounding identical.
      let centre = (xs[at] as number) * (leftY / height);
      centre += ((xs[at + 1] as number) / height) * rightY;
      xs[at] = centre;
      ys[at] = height;
      xs.splice(at + 1, 1);
      ys.splice(at + 1, 1);
    }
  }
}

/** Double.compare: -0.0 below 0.0, NaN above everything and equal to itself. */
function javaDoubleCompare(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b && (a !== 0 || Object.is(a, b))) return 0;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  // One of them is -0.0 and the other 0.0.
  return Object.is(a, -0) ? -1 : 1;
}

/**
 * DataFrame.sample and randomSplit on one partition, drawn as Spark's SampleExec draws them. Without
 * replacement: a BernoulliCellSampler, one XORShiftRandom seeded with seed + partition index, one draw per row
 * (across the partition's batches), keeping rows whose draw falls in [lowerBound, upperBound). With replacement:
 * a PoissonSampler, a Well19937c per partition seeded with the partition's entry of java.util.Random(seed)'s
 * nextLong sequence, each row repeated by a Poisson draw with mean upperBound - lowerBound.
 */
import { type Batch, takeBatch } from "../columnar/column-vector.js";
import { notSupportedLocally } from "../errors.js";
import type { PhysicalPlan } from "../physical/physical-plan.js";
import { JavaRandom, Well19937c } from "./well19937c.js";
import { XorShiftRandom } from "./xorshift-random.js";

type SamplePlan = Extract<PhysicalPlan, { kind: "sample" }>;

/** Above this mean commons-math switches to another Poisson algorithm, which the engine does not reproduce. */
const POISSON_PIVOT = 40;

function poissonSeed(seed: bigint, partition: number): bigint {
  const seeds = new JavaRandom(seed);
  let value = seeds.nextLong();
  for (let i = 0; i < partition; i++) value = seeds.nextLong();
  return value;
}

export function samplePartition(batches: readonly Batch[], plan: SamplePlan, partition: number): Batch[] {
  const fraction = plan.upperBound - plan.lowerBound;
  if (fraction <= 0) return batches.map((batch) => takeBatch(batch, new Int32Array(0)));
  if (plan.withReplacement) {
    if (fraction >= POISSON_PIVOT) throw notSupportedLocally(`sampling with replacement at a fraction of ${fraction}`);
    const random = new Well19937c(poissonSeed(plan.seed, partition));
    return batches.map((batch) => {
      const rows: number[] = [];
      for (let i = 0; i < batch.numRows; i++) {
        const copies = random.nextPoisson(fraction);
        for (let c = 0; c < copies; c++) rows.push(i);
      }
      return takeBatch(batch, Int32Array.from(rows));
    });
  }
  const random = new XorShiftRandom(plan.seed + BigInt(partition));
  return batches.map((batch) => {
    const rows: number[] = [];
    for (let i = 0; i < batch.numRows; i++) {
      const x = random.nextDouble();
      if (x >= plan.lowerBound && x < plan.upperBound) rows.push(i);
    }
    return takeBatch(batch, Int32Array.from(rows));
  });
}

/**
 * sampleBy's filter: every row of a partition takes the next draw of Spark's XORShiftRandom seeded with
 * seed + partition index (drawn for every row, as Spark's rand() is, whatever its stratum) and is kept when the
 * draw is below its stratum's fraction.
 */
import { type Batch, getScalar, takeBatch } from "../columnar/column-vector.js";
import type { PhysicalPlan } from "../physical/physical-plan.js";
import { evaluate } from "./expression-evaluator.js";
import type { TaskContext } from "./operators.js";
import { XorShiftRandom } from "./xorshift-random.js";

type SamplePlan = Extract<PhysicalPlan, { kind: "sample" }>;

export function stratifiedSample(
  batches: readonly Batch[],
  plan: SamplePlan,
  partition: number,
  ctx: TaskContext,
): Batch[] {
  const fraction = plan.stratified?.fraction;
  if (fraction === undefined) throw new Error("internal: a stratified sample without fractions");
  const random = new XorShiftRandom(plan.seed + BigInt(partition));
  return batches.map((batch) => {
    const fractions = evaluate(fraction, batch, ctx);
    const kept: number[] = [];
    for (let row = 0; row < batch.numRows; row++) {
      const draw = random.nextDouble();
      if (draw < (getScalar(fractions, row) as number)) kept.push(row);
    }
    return takeBatch(batch, Int32Array.from(kept));
  });
}

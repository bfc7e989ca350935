/**
 * Sampling one batch: Bernoulli (keep a row when its uniform draw falls in [lower, upper)) or, with replacement,
 * Poisson copies. Draws come from a seeded xorshift generator so a seed reproduces the same sample.
 */
import { type Batch, takeBatch } from "../columnar/column-vector.js";
import type { PhysicalPlan } from "../physical/physical-plan.js";

function xorshift(seed: bigint): () => number {
  let state = BigInt.asUintN(64, seed ^ 0x9e3779b97f4a7c15n) || 1n;
  return () => {
    state ^= BigInt.asUintN(64, state << 21n);
    state ^= state >> 35n;
    state ^= BigInt.asUintN(64, state << 4n);
    return Number(state >> 11n) / 2 ** 53;
  };
}

function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export function sampleBatch(batch: Batch, plan: Extract<PhysicalPlan, { kind: "sample" }>, stream: number): Batch {
  const random = xorshift(plan.seed + BigInt(stream));
  const rows: number[] = [];
  const fraction = plan.upperBound - plan.lowerBound;
  for (let i = 0; i < batch.numRows; i++) {
    if (plan.withReplacement) {
      const copies = poisson(fraction, random);
      for (let c = 0; c < copies; c++) rows.push(i);
    } else {
      const x = random();
      if (x >= plan.lowerBound && x < plan.upperBound) rows.push(i);
    }
  }
  return takeBatch(batch, Int32Array.from(rows));
}

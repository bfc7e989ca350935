/**
 * Examples of Observation members, for sparkts and PySpark: an observation attached with `df.observe` holds the
 * metrics once an action ran the observed plan. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

export const observationExamples: ClassExamplesInput = {
  className: "Observation",
  members: {
    get: [
      {
        ts: '(() => { const obs = new Observation("totals"); return df.observe(obs, F.count(F.lit(1)).alias("n"), F.sum("i").alias("sum_i")).collect().then(() => obs.get); })()',
        python:
          '(lambda obs: [df.observe(obs, F.count(F.lit(1)).alias("n"), F.sum("i").alias("sum_i")).collect(), obs.get][1])(Observation("totals"))',
      },
    ],
  },
};

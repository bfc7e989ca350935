/**
 * Examples of DataFrameStatFunctions members (`df.stat`) over the parity fixture, for sparkts and PySpark. Exact
 * quantiles (relative error 0) and seeded sampling keep every result deterministic. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

export const dataframeStatFunctionsExamples: ClassExamplesInput = {
  className: "DataFrameStatFunctions",
  members: {
    approxQuantile: [
      { ts: 'df.stat.approxQuantile("d", [0.25, 0.75], 0)', python: 'df.stat.approxQuantile("d", [0.25, 0.75], 0.0)' },
      {
        ts: 'df.stat.approxQuantile(["id", "l"], [0.5], 0)',
        python: 'df.stat.approxQuantile(["id", "l"], [0.5], 0.0)',
      },
    ],
    corr: [
      { ts: 'df.stat.corr("id", "d")', python: 'df.stat.corr("id", "d")' },
      { ts: 'df.stat.corr("id", "i", "pearson")', python: 'df.stat.corr("id", "i", "pearson")' },
    ],
    cov: [{ ts: 'df.stat.cov("i", "d")', python: 'df.stat.cov("i", "d")' }],
    crosstab: [{ ts: 'df.stat.crosstab("s", "b")', python: 'df.stat.crosstab("s", "b")' }],
    freqItems: [
      { ts: 'df.stat.freqItems(["s"])', python: 'df.stat.freqItems(["s"])' },
      { ts: 'df.stat.freqItems(["i", "b"], 0.5)', python: 'df.stat.freqItems(["i", "b"], 0.5)' },
    ],
    sampleBy: [
      {
        ts: 'df.stat.sampleBy("s2", { "a,b,c": 1, "": 0.5 }, 3)',
        python: 'df.stat.sampleBy("s2", {"a,b,c": 1.0, "": 0.5}, 3)',
      },
    ],
  },
};

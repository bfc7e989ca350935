/** Examples of GroupedData members over the parity fixture (`df`), for sparkts and PySpark. Registry data. */
import type { ClassExamplesInput } from "../schema.js";

export const groupedDataExamples: ClassExamplesInput = {
  className: "GroupedData",
  members: {
    agg: [
      { ts: 'df.groupBy("b").agg(F.count("*"), F.max("d"))', python: 'df.groupBy("b").agg(F.count("*"), F.max("d"))' },
      { ts: 'df.groupBy("b").agg({ i: "sum", s: "min" })', python: 'df.groupBy("b").agg({"i": "sum", "s": "min"})' },
    ],
    avg: [{ ts: 'df.groupBy("b").avg("i", "d")', python: 'df.groupBy("b").avg("i", "d")' }],
    count: [{ ts: 'df.groupBy("b").count()', python: 'df.groupBy("b").count()' }],
    max: [{ ts: 'df.groupBy("b").max("i")', python: 'df.groupBy("b").max("i")' }],
    mean: [{ ts: 'df.groupBy("b").mean("d")', python: 'df.groupBy("b").mean("d")' }],
    min: [{ ts: 'df.groupBy("b").min("i", "d")', python: 'df.groupBy("b").min("i", "d")' }],
    pivot: [
      { ts: 'df.groupBy("b").pivot("i").sum("d")', python: 'df.groupBy("b").pivot("i").sum("d")' },
      {
        ts: 'df.groupBy("id").pivot("b", [true, false]).count()',
        python: 'df.groupBy("id").pivot("b", [True, False]).count()',
      },
    ],
    sum: [{ ts: 'df.groupBy("b").sum("i", "l")', python: 'df.groupBy("b").sum("i", "l")' }],
  },
};

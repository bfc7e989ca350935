/** Examples of DataFrameNaFunctions members over the parity fixture (`df`), for sparkts and PySpark. Registry data. */
import type { ClassExamplesInput } from "../schema.js";

export const dataframeNaFunctionsExamples: ClassExamplesInput = {
  className: "DataFrameNaFunctions",
  members: {
    drop: [
      { ts: 'df.na.drop("any", undefined, ["i"])', python: 'df.na.drop("any", None, ["i"])' },
      { ts: "df.na.drop(undefined, 2)", python: "df.na.drop(thresh=2)" },
    ],
    fill: [
      { ts: 'df.na.fill(1.5, ["d"])', python: 'df.na.fill(1.5, ["d"])' },
      { ts: 'df.na.fill({ b: false, s: "-" })', python: 'df.na.fill({"b": False, "s": "-"})' },
    ],
    replace: [
      { ts: 'df.na.replace({ abc: "xyz", "": null })', python: 'df.na.replace({"abc": "xyz", "": None})' },
      { ts: 'df.na.replace(2.5, 25, ["d"])', python: 'df.na.replace(2.5, 25, ["d"])' },
    ],
  },
};

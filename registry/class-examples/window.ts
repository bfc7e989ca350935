/** Examples of the Window builders, each used in a window aggregate over the parity fixture. Registry data. */
import type { ClassExamplesInput } from "../schema.js";

export const windowExamples: ClassExamplesInput = {
  className: "Window",
  members: {
    currentRow: [{ ts: "Window.currentRow", python: "Window.currentRow" }],
    orderBy: [
      {
        ts: 'F.row_number().over(Window.orderBy(F.col("i").desc()))',
        python: 'F.row_number().over(Window.orderBy(F.col("i").desc()))',
      },
    ],
    partitionBy: [
      { ts: 'F.count("*").over(Window.partitionBy("b"))', python: 'F.count("*").over(Window.partitionBy("b"))' },
    ],
    rangeBetween: [
      {
        ts: 'F.sum("id").over(Window.rangeBetween(Window.unboundedPreceding, Window.currentRow).orderBy("id"))',
        python: 'F.sum("id").over(Window.rangeBetween(Window.unboundedPreceding, Window.currentRow).orderBy("id"))',
      },
    ],
    rowsBetween: [
      {
        ts: 'F.max("i").over(Window.rowsBetween(-1, 1).orderBy("id"))',
        python: 'F.max("i").over(Window.rowsBetween(-1, 1).orderBy("id"))',
      },
    ],
    unboundedFollowing: [{ ts: "Window.unboundedFollowing", python: "Window.unboundedFollowing" }],
    unboundedPreceding: [{ ts: "Window.unboundedPreceding", python: "Window.unboundedPreceding" }],
  },
};

/** Examples of WindowSpec members, each used in a window aggregate over the parity fixture. Registry data. */
import type { ClassExamplesInput } from "../schema.js";

export const windowSpecExamples: ClassExamplesInput = {
  className: "WindowSpec",
  members: {
    orderBy: [
      {
        ts: 'F.rank().over(Window.partitionBy("b").orderBy(F.col("d").desc_nulls_last(), "id"))',
        python: 'F.rank().over(Window.partitionBy("b").orderBy(F.col("d").desc_nulls_last(), "id"))',
      },
    ],
    partitionBy: [
      {
        ts: 'F.lag("i").over(Window.orderBy("id").partitionBy(F.col("b")))',
        python: 'F.lag("i").over(Window.orderBy("id").partitionBy(F.col("b")))',
      },
    ],
    rangeBetween: [
      {
        ts: 'F.count("*").over(Window.orderBy("id").rangeBetween(-1, Window.unboundedFollowing))',
        python: 'F.count("*").over(Window.orderBy("id").rangeBetween(-1, Window.unboundedFollowing))',
      },
    ],
    rowsBetween: [
      {
        ts: 'F.sum("d").over(Window.partitionBy("b").orderBy("id").rowsBetween(Window.unboundedPreceding, 0))',
        python: 'F.sum("d").over(Window.partitionBy("b").orderBy("id").rowsBetween(Window.unboundedPreceding, 0))',
      },
    ],
  },
};

/**
 * Examples of DataFrameWriter members. They write to Spark's `noop` sink, which runs the write without storing
 * anything, so the commands both clients send are compared without touching files. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

export const dataframeWriterExamples: ClassExamplesInput = {
  className: "DataFrameWriter",
  members: {
    format: [
      { ts: 'df.write.format("noop").mode("append").save()', python: 'df.write.format("noop").mode("append").save()' },
    ],
    mode: [
      {
        ts: 'df.write.mode("overwrite").format("noop").save()',
        python: 'df.write.mode("overwrite").format("noop").save()',
      },
    ],
    option: [
      {
        ts: 'df.write.option("compression", "none").option("flag", true).format("noop").mode("overwrite").save()',
        python: 'df.write.option("compression", "none").option("flag", True).format("noop").mode("overwrite").save()',
      },
    ],
    options: [
      {
        ts: 'df.write.options({ a: "1", b: 2 }).format("noop").mode("overwrite").save()',
        python: 'df.write.options(a="1", b=2).format("noop").mode("overwrite").save()',
      },
    ],
    save: [
      { ts: 'df.write.save(undefined, "noop", "overwrite")', python: 'df.write.save(format="noop", mode="overwrite")' },
    ],
  },
};

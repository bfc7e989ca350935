/** Examples of RuntimeConfig members (session-scoped settings), for sparkts and PySpark. Registry data. */
import type { ClassExamplesInput } from "../schema.js";

export const runtimeConfigExamples: ClassExamplesInput = {
  className: "RuntimeConfig",
  members: {
    get: [
      { ts: 'spark.conf.get("spark.sql.ansi.enabled")', python: 'spark.conf.get("spark.sql.ansi.enabled")' },
      {
        ts: 'spark.conf.get("sparkts.unset.key", "fallback")',
        python: 'spark.conf.get("sparkts.unset.key", "fallback")',
      },
    ],
    getAll: [
      {
        ts: 'spark.conf.getAll().then((all) => all["spark.sql.session.timeZone"] !== undefined)',
        python: '"spark.sql.session.timeZone" in spark.conf.getAll',
      },
    ],
    isModifiable: [
      {
        ts: 'spark.conf.isModifiable("spark.sql.shuffle.partitions")',
        python: 'spark.conf.isModifiable("spark.sql.shuffle.partitions")',
      },
    ],
    set: [
      {
        ts: 'spark.conf.set("spark.sql.shuffle.partitions", 7)',
        python: 'spark.conf.set("spark.sql.shuffle.partitions", 7)',
      },
    ],
    unset: [
      {
        ts: 'spark.conf.unset("spark.sql.shuffle.partitions")',
        python: 'spark.conf.unset("spark.sql.shuffle.partitions")',
      },
    ],
  },
};

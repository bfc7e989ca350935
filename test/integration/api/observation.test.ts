/**
 * Observed metrics: `df.observe(name | Observation, ...exprs)` builds PySpark's CollectMetrics plan; after an
 * action `await observation.get` holds the same metrics PySpark's `observation.get` does, and named
 * observations appear in `executionInfo.flows` as in PySpark. Misuse raises PySpark's error classes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { avg, col, count, lit, max, min, sum } from "../../../runtime/api/functions.js";
import { Observation } from "../../../runtime/api/observation.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { NullType } from "../../../runtime/types/index.js";
import { emittedError, type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { encodeLikePySpark } from "../arrow/pyspark-encoding.js";
import { testSession } from "./fixture.js";
import { describeGoldenActionPlans, describeGoldenPlans } from "./golden-harness.js";

const PRELUDE = [
  "from pyspark.sql import Observation",
  `df = spark.range(10).withColumn("x", F.col("id") * 0.5).withColumn("s", F.col("id").cast("string"))`,
];

function data(spark: SparkSession): DataFrame {
  return spark.range(10).withColumn("x", col("id").multiply(0.5)).withColumn("s", col("id").cast("string"));
}

/** The metrics PySpark observes in these tests, and ours. */
const METRICS_PY = `F.count(F.lit(1)).alias("n"), F.sum("id").alias("total"), F.avg("x").alias("mean"), F.max("x"), F.min("s").alias("least")`;
function metrics() {
  return [
    count(lit(1)).alias("n"),
    sum("id").alias("total"),
    avg("x").alias("mean"),
    max("x"),
    min("s").alias("least"),
  ];
}

/** Our observed values in the runner's encoding of a Python dict (scalars only here). */
function asPythonDict(record: Record<string, unknown>): PySparkJson {
  return { $map: Object.entries(record).map(([key, value]) => [key, encodeLikePySpark(value, new NullType())]) };
}

describeGoldenPlans(
  "observe builds PySpark's CollectMetrics plan",
  {
    byName: {
      python: `df.observe("metrics", ${METRICS_PY}).filter(F.col("id") > 2)`,
      ts: (spark) =>
        data(spark)
          .observe("metrics", ...metrics())
          .filter(col("id").gt(2)),
    },
    byObservation: {
      python: `df.observe(Observation("named"), F.count(F.lit(1)))`,
      ts: (spark) => data(spark).observe(new Observation("named"), count(lit(1))),
    },
  },
  PRELUDE,
);

describeGoldenActionPlans(
  "running an observed DataFrame sends PySpark's plans",
  {
    collect: {
      python: `df.observe(Observation("o"), F.max("id").alias("m")).collect()`,
      ts: (spark) => data(spark).observe(new Observation("o"), max("id").alias("m")).collect(),
    },
    count: {
      python: `df.observe("c", F.count(F.lit(1))).count()`,
      ts: (spark) =>
        data(spark)
          .observe("c", count(lit(1)))
          .count(),
    },
  },
  PRELUDE,
);

describe("observed metrics match PySpark's", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    golden = await runPySpark(
      [
        ...PRELUDE,
        `obs = Observation("collected")`,
        `df.observe(obs, ${METRICS_PY}).collect()`,
        `emit("afterCollect", obs.get)`,
        `counted = Observation("counted")`,
        `df.filter(F.col("id") > 6).observe(counted, F.count(F.lit(1)).alias("n")).count()`,
        `emit("afterCount", counted.get)`,
        `named = df.observe("plain", F.sum("x").alias("sx"), F.max("s"))`,
        `named.collect()`,
        `emit("flows", named.executionInfo.flows)`,
        `capture("getBeforeObserve", lambda: Observation("x").get)`,
        `capture("emptyName", lambda: Observation(""))`,
        `capture("nameType", lambda: Observation(3))`,
        `reused = Observation("reused")`,
        `df.observe(reused, F.count(F.lit(1)))`,
        `capture("reuse", lambda: df.observe(reused, F.count(F.lit(1))))`,
        `capture("noMetrics", lambda: df.observe("m"))`,
        `capture("notColumns", lambda: df.observe("m", "id"))`,
        `capture("notObservation", lambda: df.observe(3, F.count(F.lit(1))))`,
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("Observation.get resolves after collect() with PySpark's values and types", async () => {
    const observation = new Observation("collected");
    const observed = data(spark).observe(observation, ...metrics());
    await observed.collect();
    expect(asPythonDict(await observation.get)).toEqual(golden.afterCollect);
  });

  it("any action settles it: count() of a filtered, observed DataFrame", async () => {
    const observation = new Observation("counted");
    await data(spark)
      .filter(col("id").gt(6))
      .observe(observation, count(lit(1)).alias("n"))
      .count();
    expect(asPythonDict(await observation.get)).toEqual(golden.afterCount);
  });

  it("Observation.get waits for the action that runs the plan", async () => {
    const observation = new Observation();
    const observed = data(spark).observe(observation, count(lit(1)).alias("n"));
    let settled = false;
    const pending = observation.get.then((result) => {
      settled = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    expect(observation.name).toMatch(/^[0-9a-f-]{36}$/);
    await observed.collect();
    expect(await pending).toEqual({ n: 10n });
  });

  it("metrics observed by name are in executionInfo.flows, as PySpark reports them", async () => {
    const named = data(spark).observe("plain", sum("x").alias("sx"), max("s"));
    expect(named.executionInfo).toBeUndefined();
    await named.collect();
    const flows = named.executionInfo?.flows.map(([name, pairs]) => [name, asPythonDict(pairs)]);
    expect(flows).toEqual(golden.flows);
  });

  it("misuse raises PySpark's error classes, and the session stays usable", async () => {
    const failure = async (f: () => unknown) =>
      Promise.resolve()
        .then(f)
        .then(
          () => undefined,
          (error: unknown) => error,
        );
    const expectSame = async (name: string, f: () => unknown) => {
      expect(await failure(f)).toMatchObject({ errorClass: emittedError(golden, name).errorClass });
    };
    await expectSame("getBeforeObserve", () => new Observation("x").get);
    await expectSame("emptyName", () => new Observation(""));
    await expectSame("nameType", () => new Observation(3 as unknown as string));
    const reused = new Observation("reused");
    data(spark).observe(reused, count(lit(1)));
    await expectSame("reuse", () => data(spark).observe(reused, count(lit(1))));
    await expectSame("noMetrics", () => data(spark).observe("m"));
    await expectSame("notColumns", () => data(spark).observe("m", "id" as unknown as ReturnType<typeof col>));
    await expectSame("notObservation", () => data(spark).observe(3 as unknown as string, count(lit(1))));
    expect(await data(spark).count()).toBe(10n);
  });
});

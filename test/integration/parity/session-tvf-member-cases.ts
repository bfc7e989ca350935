/**
 * RuntimeConfig, TableValuedFunction, SparkSession and Builder members on both backends. The suite's sessions are
 * shared by every case, so a case that changes the configuration puts it back before it returns.
 */
import { randomUUID } from "node:crypto";
import * as F from "../../../generated/functions/index.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { SparkSession } from "../../../runtime/api/session.js";
import type { SparkSessionBuilder } from "../../../runtime/api/session-builder.js";
import type { MemberCase } from "./member-cases.js";
import { outcomeOf } from "./parity-fixture.js";
import { settled } from "./settled-outcome.js";

async function eachKey(keys: readonly string[], step: (key: string) => Promise<unknown>) {
  const answers: Record<string, unknown> = {};
  for (const key of keys) answers[key] = await settled(() => step(key));
  return answers;
}

/**
 * Registered keys both sides read the same way. The session time zone (the JVM and Intl spell the host zone
 * differently), the warehouse path and the local-relation cache threshold (set by the test server's profile)
 * depend on the installation and are left out.
 */
const SHARED_KEYS = [
  "spark.sql.ansi.enabled",
  "spark.sql.caseSensitive",
  "spark.sql.shuffle.partitions",
  "spark.sql.adaptive.enabled",
  "spark.sql.autoBroadcastJoinThreshold",
  "spark.sql.files.maxPartitionBytes",
  "spark.sql.legacy.timeParserPolicy",
  "spark.sql.sources.default",
  "spark.sql.sources.partitionOverwriteMode",
  "spark.sql.mapKeyDedupPolicy",
  "spark.sql.timestampType",
  "spark.sql.defaultCatalog",
  "spark.sql.execution.arrow.maxRecordsPerBatch",
  "spark.sql.repl.eagerEval.maxNumRows",
  "spark.sql.optimizer.excludedRules",
  "spark.sql.catalogImplementation",
  "spark.sql.globalTempDatabase",
];

/** Sets `key` to each value in turn, reading it back, then unsets it. */
async function setAndRead(spark: SparkSession, key: string, values: readonly (string | number | boolean)[]) {
  const seen: unknown[] = [];
  for (const value of values) {
    const read = async () => {
      await spark.conf.set(key, value);
      return spark.conf.get(key);
    };
    seen.push(await settled(read));
  }
  await spark.conf.unset(key);
  return seen;
}

const confCases: Record<string, MemberCase> = {
  "RuntimeConfig.get": async (_df, spark) => ({
    registered: await eachKey(SHARED_KEYS, (key) => spark.conf.get(key)),
    unknown: await eachKey(["spark.sql.no.such.key", "no.such.key", "spark.master"], (key) => spark.conf.get(key)),
    withDefault: await eachKey(["spark.sql.no.such.key", "spark.sql.shuffle.partitions"], (key) =>
      spark.conf.get(key, "fallback"),
    ),
    withNull: await eachKey(["spark.sql.no.such.key", "spark.sql.ansi.enabled"], (key) => spark.conf.get(key, null)),
  }),
  "RuntimeConfig.set": async (_df, spark) => ({
    int: await setAndRead(spark, "spark.sql.shuffle.partitions", [7, "abc", "-1", "3"]),
    bool: await setAndRead(spark, "spark.sql.caseSensitive", ["TRUE", true, "maybe"]),
    bytes: await setAndRead(spark, "spark.sql.autoBroadcastJoinThreshold", ["10m", "abc", -1]),
    options: await setAndRead(spark, "spark.sql.legacy.timeParserPolicy", ["legacy", "weird"]),
    timeZone: await setAndRead(spark, "spark.sql.session.timeZone", ["Europe/Prague", "+02:00", "Nowhere/City"]),
    unregistered: await setAndRead(spark, "sparkts.parity.key", ["v", 1]),
    fixed: await eachKey(
      [
        "spark.sql.warehouse.dir",
        "spark.sql.catalogImplementation",
        "spark.sql.globalTempDatabase",
        "spark.driver.memory",
      ],
      (key) => spark.conf.set(key, "x"),
    ),
  }),
  "RuntimeConfig.unset": async (_df, spark) => {
    await spark.conf.set("spark.sql.shuffle.partitions", 9);
    await spark.conf.set("sparkts.parity.key", "v");
    const unset = await eachKey(
      ["spark.sql.shuffle.partitions", "sparkts.parity.key", "spark.sql.no.such.key"],
      (key) => spark.conf.unset(key),
    );
    return {
      unset,
      after: await eachKey(["spark.sql.shuffle.partitions", "sparkts.parity.key"], (key) => spark.conf.get(key)),
      fixed: await eachKey(["spark.sql.warehouse.dir", "spark.sql.globalTempDatabase", "spark.executor.cores"], (key) =>
        spark.conf.unset(key),
      ),
    };
  },
  /**
   * getAll lists the values given at startup and set in the session, not defaults, in no particular order.
   * Startup values differ by installation (the server lists its whole SparkConf), so the case compares the keys
   * it set itself and the presence of the startup keys both sides have.
   */
  "RuntimeConfig.getAll": async (_df, spark) => {
    await spark.conf.set("spark.sql.shuffle.partitions", 11);
    await spark.conf.set("sparkts.parity.key", "v");
    const all = await spark.conf.getAll();
    await spark.conf.unset("spark.sql.shuffle.partitions");
    await spark.conf.unset("sparkts.parity.key");
    const after = await spark.conf.getAll();
    const shared = ["spark.master", "spark.app.name", "spark.sql.warehouse.dir"];
    return {
      set: Object.entries(all)
        .filter(([key]) => key === "spark.sql.shuffle.partitions" || key.startsWith("sparkts."))
        .sort(([a], [b]) => a.localeCompare(b)),
      startup: shared.map((key) => key in all),
      defaultsListed: ["spark.sql.ansi.enabled", "spark.sql.caseSensitive"].map((key) => key in all),
      afterUnset: ["spark.sql.shuffle.partitions", "sparkts.parity.key"].map((key) => key in after),
    };
  },
  "RuntimeConfig.isModifiable": async (_df, spark) =>
    eachKey(
      [
        ...SHARED_KEYS,
        "spark.sql.session.timeZone",
        "spark.sql.warehouse.dir",
        "spark.sql.extensions",
        "spark.sql.no.such.key",
        "sparkts.parity.key",
        "spark.master",
        "spark.app.name",
        "spark.driver.memory",
      ],
      (key) => spark.conf.isModifiable(key),
    ),
};

/** Each table function's rows in order (generators keep their input's order), or the error it raised. */
const tvfOutcomes = (...frames: (() => DataFrame)[]) =>
  Promise.all(frames.map((frame) => settled(() => outcomeOf(frame(), true))));

const structs = () =>
  F.array(
    F.struct(F.lit(1).alias("a"), F.lit("x").alias("b")),
    F.struct(F.lit(null).cast("int").alias("a"), F.lit(null).cast("string").alias("b")),
    F.struct(F.lit(3).alias("a"), F.lit("z").alias("b")),
  );

const tvfCases: Record<string, MemberCase> = {
  "TableValuedFunction.range": (_df, spark) =>
    tvfOutcomes(
      () => spark.tvf.range(5),
      () => spark.tvf.range(1, 8, 2),
      () => spark.tvf.range(10, 0, -3, 2),
      () => spark.tvf.range(0, 5, 0),
    ),
  "TableValuedFunction.explode": (_df, spark) =>
    tvfOutcomes(
      () => spark.tvf.explode(F.array(F.lit(1), F.lit(null).cast("int"), F.lit(3))),
      () => spark.tvf.explode(F.create_map(F.lit("a"), F.lit(1.5), F.lit("b"), F.lit(null).cast("double"))),
      () => spark.tvf.explode(F.lit(null).cast("array<string>")),
      () => spark.tvf.explode(F.lit(1)),
    ),
  "TableValuedFunction.explode_outer": (_df, spark) =>
    tvfOutcomes(
      () => spark.tvf.explode_outer(F.create_map(F.lit("a"), F.lit(1), F.lit("b"), F.lit(2))),
      () => spark.tvf.explode_outer(F.array().cast("array<date>")),
      () => spark.tvf.explode_outer(F.lit(null).cast("map<string,int>")),
    ),
  "TableValuedFunction.inline": (_df, spark) =>
    tvfOutcomes(
      () => spark.tvf.inline(structs()),
      () => spark.tvf.inline(F.lit(null).cast("array<struct<a:int,b:string>>")),
      () => spark.tvf.inline(F.array(F.lit(1))),
    ),
  "TableValuedFunction.inline_outer": (_df, spark) =>
    tvfOutcomes(
      () => spark.tvf.inline_outer(structs()),
      () => spark.tvf.inline_outer(F.lit(null).cast("array<struct<a:int,b:string>>")),
    ),
  "TableValuedFunction.posexplode": (_df, spark) =>
    tvfOutcomes(
      () => spark.tvf.posexplode(F.array(F.lit("p"), F.lit(null).cast("string"), F.lit("q"))),
      () => spark.tvf.posexplode(F.create_map(F.lit(1), F.lit("one"))),
      () => spark.tvf.posexplode(F.lit("text")),
    ),
  "TableValuedFunction.posexplode_outer": (_df, spark) =>
    tvfOutcomes(
      () => spark.tvf.posexplode_outer(F.lit(null).cast("array<int>")),
      () => spark.tvf.posexplode_outer(F.create_map(F.lit("k"), F.lit(true))),
    ),
  "TableValuedFunction.stack": (_df, spark) =>
    tvfOutcomes(
      () => spark.tvf.stack(F.lit(2), F.lit(1), F.lit("a"), F.lit(2), F.lit("b")),
      () => spark.tvf.stack(F.lit(2), F.lit(1), F.lit("a"), F.lit(2)),
      () => spark.tvf.stack(F.lit(3), F.lit(1.5), F.lit(null), F.lit(2.5)),
      () => spark.tvf.stack(F.lit(2), F.lit(1), F.lit("a"), F.lit("b"), F.lit(2)),
      () => spark.tvf.stack(F.lit(0), F.lit(1)),
    ),
  "TableValuedFunction.json_tuple": (_df, spark) =>
    tvfOutcomes(
      () => spark.tvf.json_tuple(F.lit('{"a": 1, "b": "x", "c": {"d": [1, 2]}}'), F.lit("a"), F.lit("c"), F.lit("z")),
      () => spark.tvf.json_tuple(F.lit("not json"), F.lit("a")),
      () => spark.tvf.json_tuple(F.lit(null).cast("string"), F.lit("a"), F.lit("b")),
      () => spark.tvf.json_tuple(F.lit(5), F.lit("a")),
    ),
};

/** A session of the case's own, stopped afterwards whatever happens. */
async function withOwnSession<T>(builder: SparkSessionBuilder, body: (session: SparkSession) => Promise<T>) {
  const session = await builder.create();
  try {
    return await body(session);
  } finally {
    await session.stop();
  }
}

/** Which session, of those a case holds, `SparkSession.getActiveSession()` is (by name), or none. */
function activeAmong(sessions: Record<string, SparkSession>): string | null {
  const active = SparkSession.getActiveSession();
  if (active === undefined) return null;
  return Object.entries(sessions).find(([, s]) => s === active)?.[0] ?? "another session";
}

/**
 * Cases that make their own sessions with the builder the suite hands them (remote() for the Spark server,
 * master("local[2]") for the engine) and look at the process-wide active session: the suite runs them one side
 * after the other, and each stops what it made.
 */
const sessionCases: Record<string, MemberCase> = {
  "SparkSession.builder": (_df, _spark, newBuilder) =>
    withOwnSession(newBuilder(), (own) => outcomeOf(own.range(1, 4).selectExpr("id * 2 AS twice"), true)),
  "SparkSession.Builder.appName": (_df, _spark, newBuilder) =>
    withOwnSession(newBuilder().appName("sparkts-parity"), (own) => own.conf.get("spark.app.name")),
  "SparkSession.Builder.config": (_df, _spark, newBuilder) =>
    withOwnSession(
      newBuilder()
        .config("spark.sql.shuffle.partitions", 3)
        .config({ "spark.sql.caseSensitive": true, "sparkts.parity.key": "builder" })
        // A static key, a core key and a value of the wrong type are skipped silently, as PySpark's builder does.
        .config("spark.sql.globalTempDatabase", "elsewhere")
        .config("spark.executor.cores", 7)
        .config("spark.sql.ansi.enabled", "maybe"),
      (own) =>
        eachKey(
          [
            "spark.sql.shuffle.partitions",
            "spark.sql.caseSensitive",
            "sparkts.parity.key",
            "spark.sql.globalTempDatabase",
            "spark.sql.ansi.enabled",
          ],
          (key) => own.conf.get(key),
        ),
    ),
  "SparkSession.Builder.create": async (_df, _spark, newBuilder) => {
    const before = activeAmong({});
    const first = await newBuilder().create();
    const second = await newBuilder().config("sparkts.parity.key", "second").create();
    const sessions = { first, second };
    const answer = {
      before,
      distinct: first !== second && first.sessionId !== second.sessionId,
      active: activeAmong(sessions),
      keyInFirst: await settled(() => first.conf.get("sparkts.parity.key")),
      keyInSecond: await settled(() => second.conf.get("sparkts.parity.key")),
      counts: [await first.range(3).count(), await second.range(5).count()].map(String),
    };
    await first.stop();
    const activeAfterFirstStops = activeAmong(sessions);
    await second.stop();
    return { ...answer, activeAfterFirstStops };
  },
  "SparkSession.Builder.getOrCreate": async (_df, _spark, newBuilder) => {
    const made = await newBuilder().getOrCreate();
    const again = await newBuilder().config("sparkts.parity.key", "again").getOrCreate();
    const answer = {
      same: made === again,
      // getOrCreate applies its options to the session it hands back.
      key: await settled(() => made.conf.get("sparkts.parity.key")),
    };
    await made.stop();
    const fresh = await newBuilder().getOrCreate();
    const freshIsNew = fresh !== made && !fresh.isStopped;
    await fresh.stop();
    return { ...answer, freshIsNew };
  },
  "SparkSession.Builder.master": async (_df, _spark, newBuilder) => ({
    // The engine side's builder carries master("local[2]"); the Spark side's a remote URL.
    counted: await withOwnSession(newBuilder(), async (own) => String(await own.range(0, 100, 7).count())),
    withRemoteToo: await settled(() => SparkSession.builder().master("local[1]").remote("sc://localhost:1").create()),
  }),
  "SparkSession.active": async (_df, _spark, newBuilder) => {
    const before = await settled(async () => SparkSession.active() !== undefined);
    const own = await newBuilder().create();
    const during = SparkSession.active() === own;
    await own.stop();
    return { before, during, after: await settled(async () => SparkSession.active() !== undefined) };
  },
  "SparkSession.getActiveSession": async (_df, _spark, newBuilder) => {
    const before = activeAmong({});
    const own = await newBuilder().create();
    const during = activeAmong({ own });
    await own.stop();
    return { before, during, after: activeAmong({ own }) };
  },
  "SparkSession.stop": async (_df, _spark, newBuilder) => {
    const own = await newBuilder().create();
    const counted = String(await own.range(4).count());
    await own.stop();
    const secondStop = await settled(() => own.stop());
    return {
      counted,
      stopped: own.isStopped,
      secondStop,
      query: await settled(() => own.range(2).count()),
      conf: await settled(() => own.conf.get("spark.sql.ansi.enabled")),
      active: activeAmong({ own }),
    };
  },
};

/**
 * cloneSession: the clone starts with the parent's configuration, temporary views and current database and
 * shares its global temporary views; afterwards each session's changes stay its own.
 */
const cloneCases: Record<string, MemberCase> = {
  "SparkSession.cloneSession": async (_df, spark) => {
    await spark.conf.set("sparkts.parity.key", "parent");
    await spark.range(3).createOrReplaceTempView("parity_clone_view");
    await spark.range(2).createOrReplaceGlobalTempView("parity_clone_global");
    // A fresh id each run: the server refuses an id it has seen closed.
    const id = randomUUID();
    const clone = await spark.cloneSession(id);
    try {
      const inClone = {
        hasGivenId: clone.sessionId === id,
        key: await settled(() => clone.conf.get("sparkts.parity.key")),
        view: await settled(() => outcomeOf(clone.table("parity_clone_view"), false)),
        global: await settled(async () => String(await clone.table("global_temp.parity_clone_global").count())),
      };
      await clone.conf.set("sparkts.parity.key", "clone");
      await clone.range(5).createOrReplaceTempView("parity_clone_view");
      await clone.range(1).createOrReplaceTempView("parity_clone_only");
      const inParent = {
        key: await settled(() => spark.conf.get("sparkts.parity.key")),
        view: await settled(async () => String(await spark.table("parity_clone_view").count())),
        cloneOnly: await settled(async () => String(await spark.table("parity_clone_only").count())),
      };
      return { inClone, inParent, badId: await settled(() => spark.cloneSession("not-a-uuid")) };
    } finally {
      await clone.stop();
      await spark.catalog.dropTempView("parity_clone_view");
      await spark.catalog.dropGlobalTempView("parity_clone_global");
      await spark.conf.unset("sparkts.parity.key");
    }
  },
};

/** Case names the suite must run one side after the other (they touch the process-wide active session). */
export const SESSION_LIFECYCLE_CASES: ReadonlySet<string> = new Set(Object.keys(sessionCases));

export const SESSION_TVF_MEMBER_CASES: Record<string, MemberCase> = {
  ...confCases,
  ...tvfCases,
  ...sessionCases,
  ...cloneCases,
};

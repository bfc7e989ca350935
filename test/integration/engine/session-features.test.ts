/**
 * The rest of the Backend seam against Spark 4.1.1: SQL queries and commands, show(), Spark's Murmur3 hash,
 * the seven Config operations, AnalyzePlan answers and temporary views.
 */
import { create } from "@bufbuild/protobuf";
import { Int32, Table, Utf8, vectorFromArray } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { type ExecutePlanResponse, type Plan, PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { AnalyzeRequest } from "../../../runtime/backend.js";
import { SparkConnectError } from "../../../runtime/errors/index.js";
import { decode, Parity } from "./parity-harness.js";
import * as P from "./plan-builders.js";

const parity = new Parity(process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002");
afterAll(() => parity.close());

const sqlRel = (query: string): P.Rel => ({ relType: { case: "sql", value: { query } } });
const command = (commandType: object): Plan =>
  create(PlanSchema, { opType: { case: "command", value: { commandType } } } as never);

async function localResponses(query: Plan): Promise<ExecutePlanResponse[]> {
  const out: ExecutePlanResponse[] = [];
  for await (const r of parity.local.execute(query)) out.push(r);
  return out;
}

async function expectSame(rel: P.Rel, ordered = false) {
  const { local, spark } = await parity.run(P.plan(rel), ordered);
  expect(local).toEqual(spark);
  return spark;
}

function errorOf(error: unknown) {
  if (!(error instanceof SparkConnectError)) throw error;
  return { kind: error.constructor.name, errorClass: error.errorClass, sqlState: error.sqlState };
}

describe("engine parity: SQL", () => {
  it("queries over range(), VALUES and expressions", async () => {
    await expectSame(
      sqlRel("SELECT id % 3 AS k, count(*) AS n, sum(id) AS s FROM range(10) GROUP BY id % 3 ORDER BY k"),
      true,
    );
    await expectSame(sqlRel("SELECT * FROM VALUES (1, 'a'), (2, 'b'), (3, NULL) AS t(x, y) WHERE x > 1"));
    await expectSame(
      sqlRel("SELECT CASE WHEN id > 2 THEN 'big' ELSE 'small' END AS size, upper('x') AS u FROM range(5)"),
    );
  });

  it("parameterized queries with named and positional arguments", async () => {
    const int = (value: number) => ({ literalType: { case: "integer" as const, value } });
    const named: P.Rel = {
      relType: {
        case: "sql",
        value: { query: "SELECT id FROM range(20) WHERE id > :lo AND id < :hi", args: { lo: int(3), hi: int(9) } },
      },
    };
    const positional: P.Rel = {
      relType: { case: "sql", value: { query: "SELECT id * ? AS scaled FROM range(4)", posArgs: [int(5)] } },
    };
    const answer = await expectSame(named);
    expect("rows" in answer && answer.rows.length).toBe(5);
    await expectSame(positional);
  });

  it("sql command: a query comes back as a relation to run; a view is created", async () => {
    const viewPlan = command({
      case: "sqlCommand",
      value: { sql: "CREATE OR REPLACE TEMP VIEW nums AS SELECT id FROM range(4)" },
    });
    const localView = await localResponses(viewPlan);
    await parity.spark.execute(viewPlan);
    expect(localView.some((r) => r.responseType.case === "sqlCommandResult")).toBe(true);
    await expectSame(sqlRel("SELECT sum(id) AS total FROM nums"));
  });

  it("sql command with arguments binds them when it parses the statement (spark.sql(text, args))", async () => {
    const int = (value: number) => ({ literalType: { case: "integer" as const, value } });
    for (const value of [
      { sql: "SELECT ? + 1 AS n, ? AS m", posArgs: [int(41), int(7)] },
      { sql: "SELECT :n + 1 AS n", args: { n: int(41) } },
    ]) {
      const responses = await localResponses(command({ case: "sqlCommand", value }));
      const answer = responses.find((r) => r.responseType.case === "sqlCommandResult")?.responseType;
      if (answer?.case !== "sqlCommandResult" || answer.value.relation === undefined)
        throw new Error("no sqlCommandResult relation");
      const rows = await expectSame(answer.value.relation);
      expect("rows" in rows && rows.rows.length).toBe(1);
    }
  });

  it("temporary views from a DataFrame and reading them by name", async () => {
    const table = new Table({
      a: vectorFromArray([1, 2, 3], new Int32()),
      b: vectorFromArray(["x", "y", null], new Utf8()),
    });
    const viewPlan = command({
      case: "createDataframeView",
      value: { input: P.local(table), name: "tv", isGlobal: false, replace: true },
    });
    await localResponses(viewPlan);
    await parity.spark.execute(viewPlan);
    const read: P.Rel = {
      relType: { case: "read", value: { readType: { case: "namedTable", value: { unparsedIdentifier: "tv" } } } },
    };
    await expectSame(P.select(read, P.col("tv.b"), P.fn("*", P.col("a"), P.int(2))));
    const missing: P.Rel = {
      relType: {
        case: "read",
        value: { readType: { case: "namedTable", value: { unparsedIdentifier: "no_such_view" } } },
      },
    };
    const { local, spark } = await parity.run(P.plan(missing));
    expect(spark).toMatchObject({ failure: { errorClass: "TABLE_OR_VIEW_NOT_FOUND" } });
    expect(local).toEqual(spark);
  });
});

describe("engine parity: show and hash", () => {
  const people = () =>
    P.local(
      new Table({
        id: vectorFromArray([1, 22, null], new Int32()),
        name: vectorFromArray(["a rather long name here", "b", null], new Utf8()),
      }),
    );

  it("show() text, whole and truncated", async () => {
    for (const [numRows, truncate, vertical] of [
      [20, 20, false],
      [20, 5, false],
      [20, 0, true],
    ] as const) {
      await expectSame({ relType: { case: "showString", value: { input: people(), numRows, truncate, vertical } } });
    }
  });

  it("show() with fewer rows than the input ends exactly like Spark's text", async () => {
    await expectSame({
      relType: { case: "showString", value: { input: people(), numRows: 2, truncate: 20, vertical: false } },
    });
  });

  it("hash() equals Spark's Murmur3 for ints, longs, doubles, strings and NULLs", async () => {
    const table = new Table({
      i: vectorFromArray([0, 1, -7, null, 2147483647], new Int32()),
      s: vectorFromArray(["", "a", "héllo wörld", null, "abcd"], new Utf8()),
    });
    const rel = P.select(
      P.local(table),
      P.col("i"),
      P.fn("hash", P.col("i")),
      P.fn("hash", P.col("s")),
      P.fn("hash", P.col("i"), P.col("s")),
      P.fn("hash", P.cast(P.col("i"), "bigint")),
      P.fn("hash", P.cast(P.col("i"), "double")),
    );
    await expectSame(rel);
  });
});

describe("engine parity: config", () => {
  const ops = {
    get: (keys: string[]) => ({ opType: { case: "get" as const, value: { keys } } }),
    set: (key: string, value: string) => ({ opType: { case: "set" as const, value: { pairs: [{ key, value }] } } }),
    unset: (keys: string[]) => ({ opType: { case: "unset" as const, value: { keys } } }),
    getOption: (keys: string[]) => ({ opType: { case: "getOption" as const, value: { keys } } }),
    getWithDefault: (key: string, value: string) => ({
      opType: { case: "getWithDefault" as const, value: { pairs: [{ key, value }] } },
    }),
    isModifiable: (keys: string[]) => ({ opType: { case: "isModifiable" as const, value: { keys } } }),
  };
  const pairs = (r: { pairs: { key: string; value?: string | undefined }[] }) =>
    r.pairs.map((p) => [p.key, p.value ?? null]);

  it("defaults, set/get/unset, getOption, getWithDefault and isModifiable match Spark", async () => {
    const sequence = [
      ops.get(["spark.sql.ansi.enabled", "spark.sql.caseSensitive", "spark.sql.shuffle.partitions"]),
      ops.set("spark.sql.shuffle.partitions", "7"),
      ops.get(["spark.sql.shuffle.partitions"]),
      ops.unset(["spark.sql.shuffle.partitions"]),
      ops.get(["spark.sql.shuffle.partitions"]),
      ops.getOption(["spark.sparkts.unknown.key"]),
      ops.getWithDefault("spark.sparkts.unknown.key", "fallback"),
      ops.isModifiable(["spark.sql.ansi.enabled", "spark.executor.memory"]),
    ];
    for (const op of sequence) {
      const [local, spark] = await Promise.all([parity.local.config(op), parity.spark.config(op)]);
      expect(pairs(local)).toEqual(pairs(spark));
    }
  });

  it("getting an unknown key fails like Spark", async () => {
    const op = ops.get(["spark.sparkts.unknown.key"]);
    const [local, spark] = await Promise.all([
      parity.local.config(op).then(() => null, errorOf),
      parity.spark.config(op).then(() => null, errorOf),
    ]);
    expect(spark).not.toBeNull();
    expect(local).toEqual(spark);
  });

  it("shuffle partitions set by the user shape the engine's exchanges", async () => {
    await parity.local.config(ops.set("spark.sql.shuffle.partitions", "5"));
    const rel = P.groupBy(
      P.range(100n, { numPartitions: 3 }),
      [P.alias(P.fn("%", P.col("id"), P.int(10)), "k")],
      [P.fn("count", P.star())],
    );
    const answer = decode(await localResponses(P.plan(rel)), true);
    expect(answer.batches).toBe(5);
    await parity.local.config(ops.unset(["spark.sql.shuffle.partitions"]));
  });
});

describe("engine parity: analysis", () => {
  const rel = (): P.Rel =>
    P.select(P.range(5n), P.col("id"), P.alias(P.fn("upper", P.cast(P.col("id"), "string")), "s"));

  it("schema, treeString, sparkVersion, ddlParse and isLocal", async () => {
    const query = P.plan(rel());
    const requests: AnalyzeRequest[] = [
      { case: "schema" as const, value: { plan: query } },
      { case: "treeString" as const, value: { plan: query } },
      { case: "sparkVersion" as const, value: {} },
      { case: "ddlParse" as const, value: { ddlString: "a INT, b ARRAY<STRING> NOT NULL, c DECIMAL(10,2)" } },
      { case: "isLocal" as const, value: { plan: query } },
      {
        case: "isLocal" as const,
        value: { plan: P.plan(P.local(new Table({ a: vectorFromArray([1], new Int32()) }))) },
      },
      { case: "isStreaming" as const, value: { plan: query } },
    ];
    for (const request of requests) {
      const [local, spark] = await Promise.all([parity.local.analyze(request), parity.spark.analyze(request)]);
      expect(local.result).toEqual(spark.result);
    }
  });

  it("sameSemantics tells equal queries from different ones", async () => {
    const same = { case: "sameSemantics" as const, value: { targetPlan: P.plan(rel()), otherPlan: P.plan(rel()) } };
    const different = {
      case: "sameSemantics" as const,
      value: { targetPlan: P.plan(rel()), otherPlan: P.plan(P.range(6n)) },
    };
    for (const request of [same, different]) {
      const [local, spark] = await Promise.all([parity.local.analyze(request), parity.spark.analyze(request)]);
      expect(local.result).toEqual(spark.result);
    }
  });

  it("explain shows the logical, optimized and physical plans and the stage DAG", async () => {
    const grouped = P.groupBy(
      P.range(10n, { numPartitions: 2 }),
      [P.alias(P.fn("%", P.col("id"), P.int(2)), "k")],
      [P.fn("sum", P.col("id"))],
    );
    const answer = await parity.local.analyze({ case: "explain", value: { plan: P.plan(grouped), explainMode: 2 } });
    const text = answer.result.case === "explain" ? answer.result.value.explainString : "";
    for (const section of [
      "== Analyzed Logical Plan ==",
      "== Optimized Logical Plan ==",
      "== Physical Plan ==",
      "== Stages ==",
    ])
      expect(text).toContain(section);
    expect(text).toContain("HashAggregate(mode=partial");
    expect(text).toContain("Exchange hashpartitioning");
    expect(text).toMatch(/Stage 1: ResultStage, \d+ tasks? parents=\[0\]/);
  });

  it("artifacts are named as unsupported", async () => {
    await expect(parity.local.addArtifacts([])).rejects.toThrow(/addArtifacts/);
  });
});

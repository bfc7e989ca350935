import { create } from "@bufbuild/protobuf";
import { tableFromIPC } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { type ExecutePlanResponse, type Plan, PlanSchema } from "../../generated/proto/spark/connect/base_pb.js";
import {
  AnalysisException,
  ArithmeticException,
  ClientArgumentError,
  OperationInterruptedError,
  SparkNoSuchElementException,
  UnsupportedOperationException,
} from "../errors/index.js";
import { LocalBackend, parallelismOf } from "./local-backend.js";

type RelInit = Record<string, unknown>;
const plan = (relType: RelInit): Plan => create(PlanSchema, { opType: { case: "root", value: { relType } } } as never);
const col = (name: string) => ({ exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: name } } });
const int = (value: number) => ({ exprType: { case: "literal", value: { literalType: { case: "integer", value } } } });
const fn = (functionName: string, ...args: object[]) => ({
  exprType: { case: "unresolvedFunction", value: { functionName, arguments: args } },
});
const distinctFn = (functionName: string, ...args: object[]) => ({
  exprType: { case: "unresolvedFunction", value: { functionName, arguments: args, isDistinct: true } },
});
const alias = (expr: object, name: string) => ({ exprType: { case: "alias", value: { expr, name: [name] } } });
const range = (end: bigint, numPartitions: number) => ({
  relType: { case: "range", value: { start: 0n, end, step: 1n, numPartitions } },
});
const project = (input: object, ...expressions: object[]) => ({
  relType: { case: "project", value: { input, expressions } },
});

async function collect(
  backend: LocalBackend,
  query: Plan,
): Promise<{ rows: string[]; responses: ExecutePlanResponse[] }> {
  const responses: ExecutePlanResponse[] = [];
  for await (const r of backend.execute(query)) responses.push(r);
  const rows: string[] = [];
  for (const r of responses) {
    if (r.responseType.case !== "arrowBatch") continue;
    for (const row of tableFromIPC(r.responseType.value.data).toArray())
      rows.push(JSON.stringify(row.toJSON(), (_k, v) => (typeof v === "bigint" ? `${v}` : v)));
  }
  return { rows: rows.sort(), responses };
}

/** Skewed keys: most ids fall in bucket 0, some buckets stay empty on most partitions. */
const skewed = () =>
  project(
    range(500n, 7),
    col("id"),
    alias(fn("when", fn("<", col("id"), int(400)), int(0), fn("%", col("id"), int(5))), "k"),
  );

const backends = [new LocalBackend({ master: "local[1]" }), new LocalBackend({ master: "local[4]" })];
afterAll(() => {
  for (const b of backends) b.close();
});

describe("LocalBackend", () => {
  it("parses masters and rejects bad ones", () => {
    expect(parallelismOf("local")).toBe(1);
    expect(parallelismOf("local[3]")).toBe(3);
    expect(parallelismOf("local[*]")).toBeGreaterThanOrEqual(1);
    expect(() => parallelismOf("yarn")).toThrow(ClientArgumentError);
  });

  const queries: [string, Plan][] = [
    [
      "groupBy with distinct and plain aggregates",
      plan({
        case: "aggregate",
        value: {
          input: skewed(),
          groupType: 1,
          groupingExpressions: [col("k")],
          aggregateExpressions: [
            fn("count", col("id")),
            distinctFn("count", fn("%", col("id"), int(3))),
            fn("max", col("id")),
          ],
        },
      }),
    ],
    [
      "distinct over a skewed key",
      plan({ case: "deduplicate", value: { input: project(skewed(), col("k")), allColumnsAsKeys: true } }),
    ],
    [
      "self join on the skewed key",
      plan({
        case: "aggregate",
        value: {
          input: {
            relType: {
              case: "join",
              value: {
                left: project(skewed(), col("k")),
                right: project(range(5n, 2), alias(col("id"), "k")),
                joinType: 1,
                usingColumns: ["k"],
              },
            },
          },
          groupType: 1,
          groupingExpressions: [col("k")],
          aggregateExpressions: [fn("count", col("k"))],
        },
      }),
    ],
  ];

  for (const [name, query] of queries) {
    it(`gives the same rows on local[1] and local[4]: ${name}`, async () => {
      const [one, four] = await Promise.all(backends.map((b) => collect(b, query)));
      expect(one?.rows.length).toBeGreaterThan(0);
      expect(four?.rows).toEqual(one?.rows);
    }, 60_000); // the first query starts the worker threads (with the TypeScript loader under vitest)
  }

  it("sorts globally across range partitions (skewed keys, NULLs, descending)", async () => {
    const keyed = project(
      range(3000n, 5),
      col("id"),
      alias(
        fn(
          "when",
          fn("<", fn("%", col("id"), int(7)), int(2)),
          int(42),
          fn("%", fn("*", col("id"), int(7919)), int(1000)),
        ),
        "k",
      ),
    );
    const withNulls = project(
      keyed,
      col("id"),
      alias(
        fn(
          "when",
          fn("==", fn("%", col("id"), int(11)), int(0)),
          {
            exprType: {
              case: "literal",
              value: { literalType: { case: "null", value: { kind: { case: "integer", value: {} } } } },
            },
          },
          col("k"),
        ),
        "k",
      ),
    );
    const order = [
      { child: col("k"), direction: 2, nullOrdering: 1 },
      { child: col("id"), direction: 1, nullOrdering: 1 },
    ];
    const sorted = plan({ case: "sort", value: { input: withNulls, order, isGlobal: true } });
    const responses: ExecutePlanResponse[] = [];
    for await (const r of (backends[1] as LocalBackend).execute(sorted)) responses.push(r);
    const rows = responses.flatMap((r) =>
      r.responseType.case === "arrowBatch"
        ? tableFromIPC(r.responseType.value.data)
            .toArray()
            .map((x) => x.toJSON())
        : [],
    );
    expect(rows).toHaveLength(3000);
    expect(responses.filter((r) => r.responseType.case === "arrowBatch").length).toBeGreaterThan(1);
    const keyOf = (row: { k: number | null; id: bigint }) => [
      row.k === null ? Number.POSITIVE_INFINITY : row.k,
      -Number(row.id),
    ];
    for (let i = 1; i < rows.length; i++) {
      const [pk, pid] = keyOf(rows[i - 1] as never) as [number, number];
      const [k, id] = keyOf(rows[i] as never) as [number, number];
      expect(pk > k || (pk === k && pid > id)).toBe(true);
    }
  });

  it("answers schema first, then batches with running start offsets, then result_complete", async () => {
    const { responses } = await collect(backends[1] as LocalBackend, plan(range(10n, 3).relType));
    expect(responses[0]?.schema?.kind.case).toBe("struct");
    const batches = responses
      .filter((r) => r.responseType.case === "arrowBatch")
      .map((r) => r.responseType.value as { rowCount: bigint; startOffset?: bigint });
    expect(batches.map((b) => b.startOffset)).toEqual([0n, 3n, 6n]);
    expect(responses.at(-1)?.responseType.case).toBe("resultComplete");
  });

  it("raises Spark's exception classes from inside worker threads", async () => {
    const divide = plan(project(range(10n, 4), fn("/", int(1), fn("-", col("id"), int(3)))).relType);
    await expect(collect(backends[1] as LocalBackend, divide)).rejects.toBeInstanceOf(ArithmeticException);
    await expect(
      collect(backends[1] as LocalBackend, plan(project(range(1n, 1), col("nope")).relType)),
    ).rejects.toBeInstanceOf(AnalysisException);
  });

  it("names a plan kind it does not support", async () => {
    // A Python function over partitions: the engine cannot run Python.
    const mapPartitions = plan({ case: "mapPartitions", value: { input: range(3n, 1), isBarrier: false } });
    await expect(collect(backends[0] as LocalBackend, mapPartitions)).rejects.toMatchObject({
      constructor: UnsupportedOperationException,
      message: expect.stringContaining("mapPartitions"),
    });
  });

  it("samples deterministically for a seed, with about the requested fraction", async () => {
    const sample = plan({
      case: "sample",
      value: { input: range(4000n, 4), lowerBound: 0, upperBound: 0.25, seed: 7n, deterministicOrder: false },
    });
    const [first, second] = [
      await collect(backends[0] as LocalBackend, sample),
      await collect(backends[1] as LocalBackend, sample),
    ];
    expect(second.rows).toEqual(first.rows);
    expect(first.rows.length).toBeGreaterThan(850);
    expect(first.rows.length).toBeLessThan(1150);
  });

  it("interrupts a running operation by tag between its stages", async () => {
    const grouped = plan({
      case: "aggregate",
      value: {
        input: skewed(),
        groupType: 1,
        groupingExpressions: [col("k")],
        aggregateExpressions: [fn("count", col("id"))],
      },
    });
    const backend = backends[0] as LocalBackend;
    const stream = backend.execute(grouped, { operationId: "op-1", tags: ["nightly"] })[Symbol.asyncIterator]();
    const first = stream.next();
    expect(await backend.interrupt({ kind: "tag", tag: "nightly" })).toEqual(["op-1"]);
    await expect(first).rejects.toMatchObject({
      constructor: OperationInterruptedError,
      errorClass: "OPERATION_CANCELED",
    });
  });

  it("refuses an analysis whose AbortSignal has fired, and answers it otherwise", async () => {
    const backend = backends[0] as LocalBackend;
    const request = { case: "isLocal", value: { plan: plan(range(3n, 1).relType) } } as const;
    await expect(backend.analyze(request, { signal: AbortSignal.abort("gone") })).rejects.toMatchObject({
      constructor: OperationInterruptedError,
      message: "The analysis was interrupted: gone.",
    });
    const answered = await backend.analyze(request, { signal: new AbortController().signal });
    expect(answered.result.case).toBe("isLocal");
  });

  it("keeps Spark's config defaults and errors", async () => {
    const backend = backends[0] as LocalBackend;
    const answer = await backend.config({ opType: { case: "get", value: { keys: ["spark.sql.ansi.enabled"] } } });
    expect(answer.pairs[0]?.value).toBe("true");
    await expect(backend.config({ opType: { case: "get", value: { keys: ["no.such.key"] } } })).rejects.toBeInstanceOf(
      SparkNoSuchElementException,
    );
  });
});

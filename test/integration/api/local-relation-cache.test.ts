/**
 * createDataFrame above the server's `spark.sql.session.localRelationCacheThreshold`: the rows go up as
 * `cache/<sha256>` chunk artifacts and the plan names them (ChunkedCachedLocalRelation), as PySpark 4.1 does.
 * The large case (~84 MB of rows) is checked on the server with aggregates computed locally from the same data
 * (nothing large comes back), and a second createDataFrame of the same data uploads nothing: ArtifactStatus
 * finds every chunk already cached. Small cases lower the threshold and chunk size through the session conf.
 */
import { crc32 } from "node:zlib";
import { Binary, Int64, makeData, makeVector, Table } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeLocalRows } from "../../../runtime/api/local-data.js";
import { LocalRelationCache } from "../../../runtime/api/local-relation-cache.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { queryPlan } from "../../../runtime/plan/plans.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { sparkRemote } from "../../support/session-url.js";
import { rpcCounter } from "../transport/plans.js";

const THRESHOLD = "spark.sql.session.localRelationCacheThreshold";
const CHUNK_ROWS = "spark.sql.session.localRelationChunkSizeRows";

/**
 * 200,000 rows of (pos long, a long, payload binary of 400 bytes): 84,000,000 bytes of column data. Wide rows
 * keep the size while sparing the shared server the per-row cost of millions of local rows.
 */
const BIG_ROWS = 200_000;
const PAYLOAD_BYTES = 400;

function bigTable(): Table {
  const pos = new BigInt64Array(BIG_ROWS);
  const a = new BigInt64Array(BIG_ROWS);
  const offsets = new Int32Array(BIG_ROWS + 1);
  const payload = new Uint8Array(BIG_ROWS * PAYLOAD_BYTES);
  let state = 12345;
  // A small linear congruential generator: reproducible values that differ from row to row.
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  for (let i = 0; i < BIG_ROWS; i++) {
    pos[i] = BigInt(i);
    a[i] = BigInt(next());
    offsets[i + 1] = (i + 1) * PAYLOAD_BYTES;
    for (let j = i * PAYLOAD_BYTES; j < (i + 1) * PAYLOAD_BYTES; j++) payload[j] = next() >>> 16;
  }
  const long = (data: BigInt64Array) =>
    makeVector(makeData({ type: new Int64(), length: BIG_ROWS, nullCount: 0, data }));
  const binary = makeVector(
    makeData({ type: new Binary(), length: BIG_ROWS, nullCount: 0, valueOffsets: offsets, data: payload }),
  );
  return new Table({ pos: long(pos), a: long(a), payload: binary });
}

/** The aggregates the server computes, computed here from the same table (all exact integer arithmetic). */
function expectedAggregates(table: Table) {
  const pos = table.getChild("pos")?.toArray() as BigInt64Array;
  const a = table.getChild("a")?.toArray() as BigInt64Array;
  const payload = table.getChild("payload");
  let sumPos = 0n;
  let sumA = 0n;
  let minA = a[0] ?? 0n;
  let maxA = a[0] ?? 0n;
  let pairing = 0n;
  let sumCrc = 0n;
  for (let i = 0; i < table.numRows; i++) {
    const p = pos[i] ?? 0n;
    const v = a[i] ?? 0n;
    const crc = BigInt(crc32(payload?.get(i) as Uint8Array));
    sumPos += p;
    sumA += v;
    if (v < minA) minA = v;
    if (v > maxA) maxA = v;
    sumCrc += crc;
    // Ties each row's position to its values: a row moved, lost, doubled or altered changes this sum.
    pairing += (p * 131n + v + crc) % 1000000007n;
  }
  return { n: BigInt(table.numRows), sumPos, sumA, minA, maxA, sumCrc, pairing };
}

const AGGREGATES = [
  "count(*) AS n",
  "sum(pos) AS sumPos",
  "sum(a) AS sumA",
  "min(a) AS minA",
  "max(a) AS maxA",
  "sum(crc32(payload)) AS sumCrc",
  "sum(pmod(pos * 131 + a + crc32(payload), 1000000007)) AS pairing",
];

describe("createDataFrame above the local relation cache threshold", () => {
  const counter = rpcCounter();
  let spark: SparkSession;

  beforeAll(async () => {
    spark = new SparkSession(await RemoteBackend.connect(sparkRemote(), { onRpc: counter.onRpc }));
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("~84 MB of rows go up as cached chunks and give the right aggregates; the same data again uploads nothing", async () => {
    const threshold = Number(await spark.conf.get(THRESHOLD));
    const table = bigTable();
    const local = expectedAggregates(table);
    expect(table.batches.reduce((sum, batch) => sum + batch.data.byteLength, 0)).toBeGreaterThan(64 * 1024 * 1024);
    expect(threshold).toBeLessThanOrEqual(64 * 1024 * 1024);

    const uploadsBefore = counter.of("addArtifacts");
    const statusBefore = counter.of("artifactStatus");
    const [first] = await spark
      .createDataFrame(table)
      .selectExpr(...AGGREGATES)
      .collect();
    expect(counter.of("addArtifacts")).toBeGreaterThan(uploadsBefore);
    expect(counter.of("artifactStatus")).toBeGreaterThan(statusBefore);
    expect(first?.asDict()).toEqual(local);

    const uploadsAfterFirst = counter.of("addArtifacts");
    const statusAfterFirst = counter.of("artifactStatus");
    const [second] = await spark
      .createDataFrame(table)
      .selectExpr(...AGGREGATES)
      .collect();
    expect(counter.of("artifactStatus")).toBeGreaterThan(statusAfterFirst);
    expect(counter.of("addArtifacts")).toBe(uploadsAfterFirst);
    expect(second?.asDict()).toEqual(local);
  }, 180_000);

  describe("with a lowered threshold and chunk size", () => {
    beforeAll(async () => {
      await spark.conf.set(THRESHOLD, 1);
      await spark.conf.set(CHUNK_ROWS, 4);
    });

    afterAll(async () => {
      await spark.conf.unset(THRESHOLD);
      await spark.conf.unset(CHUNK_ROWS);
    });

    it("sends small data as a ChunkedCachedLocalRelation of at most 4 rows a chunk, with the same rows back", async () => {
      const rows = Array.from({ length: 10 }, (_, i) => ({ k: BigInt(i), s: `row ${i}`, half: i / 2 }));
      const df = spark.createDataFrame(rows);
      const cache = new LocalRelationCache(spark.backend);
      cache.register(df.relation, encodeLocalRows(rows).table);
      const prepared = await cache.prepare(queryPlan(df.relation));
      const root = prepared.opType.case === "root" ? prepared.opType.value : undefined;
      expect(root?.relType.case).toBe("chunkedCachedLocalRelation");
      if (root?.relType.case !== "chunkedCachedLocalRelation") return;
      expect(root.relType.value.dataHashes).toHaveLength(3);
      expect(root.relType.value.schemaHash).toMatch(/^[0-9a-f]{64}$/);
      expect(root.common?.planId).toBe(df.relation.common?.planId);

      const uploads = counter.of("addArtifacts");
      // AnalyzePlan goes through the same preparation as ExecutePlan: the session's cache checks the chunks first.
      const statusBeforeAnalyze = counter.of("artifactStatus");
      expect(await df.columns).toEqual(["k", "s", "half"]);
      expect(counter.of("artifactStatus")).toBeGreaterThan(statusBeforeAnalyze);
      const collected = await df.collect();
      expect(collected.map((row) => row.asDict())).toEqual(rows);
      // The session's own cache uploaded nothing new: the chunks were already on the server.
      expect(counter.of("addArtifacts")).toBe(uploads);
    });

    it("an Arrow table with one vector in two columns arrives intact, cached or inline", async () => {
      const ids = makeVector(
        makeData({ type: new Int64(), length: 3, nullCount: 0, data: BigInt64Array.of(7n, 8n, 9n) }),
      );
      const table = new Table({ a: ids, b: ids });
      const expected = [
        { a: 7n, b: 7n },
        { a: 8n, b: 8n },
        { a: 9n, b: 9n },
      ];
      const cached = await spark.createDataFrame(table).collect();
      expect(cached.map((row) => row.asDict())).toEqual(expected);
      await spark.conf.set(THRESHOLD, 1_000_000);
      try {
        const inline = await spark.createDataFrame(table).collect();
        expect(inline.map((row) => row.asDict())).toEqual(expected);
      } finally {
        await spark.conf.set(THRESHOLD, 1);
      }
    });

    it("keeps data inline when the threshold is not reached", async () => {
      await spark.conf.set(THRESHOLD, 1_000_000);
      try {
        const status = counter.of("artifactStatus");
        const rows = await spark.createDataFrame([{ x: 1n }, { x: 2n }]).collect();
        expect(rows.map((row) => row.asDict())).toEqual([{ x: 1n }, { x: 2n }]);
        expect(counter.of("artifactStatus")).toBe(status);
      } finally {
        await spark.conf.set(THRESHOLD, 1);
      }
    });
  });
});

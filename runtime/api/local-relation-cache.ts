/**
 * Large local data travels as artifacts, not inline: once a `createDataFrame` table reaches the server's
 * `spark.sql.session.localRelationCacheThreshold`, its rows are cut into Arrow IPC chunks and its schema into one
 * more blob, each uploaded as `cache/<sha256 hex>` (after an ArtifactStatus call, so blobs the session already
 * holds are not sent again), and the plan names them in a `ChunkedCachedLocalRelation`. Chunk sizes come from
 * `localRelationChunkSizeRows/Bytes`; uploads are grouped up to `localRelationBatchOfChunksSizeBytes`.
 *
 * PySpark decides inside `createDataFrame`; ours stays synchronous, so the decision is made the first time a
 * request containing the relation is sent (the backend hands every request through `prepare`), and is then kept
 * for that relation. The swapped node keeps the original plan id, so columns resolved against it still match.
 */
import { createHash } from "node:crypto";
import { create } from "@bufbuild/protobuf";
import type { Table } from "apache-arrow";
import { type Relation, RelationSchema } from "../../generated/proto/spark/connect/relations_pb.js";
import type { Backend } from "../backend.js";
import { localRelationChunks, tableBytes } from "../plan/local-relation-chunks.js";
import { findRelations, replaceRelations } from "../plan/relation-substitution.js";

const CONF_THRESHOLD = "spark.sql.session.localRelationCacheThreshold";
const CONF_CHUNK_ROWS = "spark.sql.session.localRelationChunkSizeRows";
const CONF_CHUNK_BYTES = "spark.sql.session.localRelationChunkSizeBytes";
const CONF_BATCH_BYTES = "spark.sql.session.localRelationBatchOfChunksSizeBytes";

interface CacheSettings {
  readonly threshold: number;
  readonly chunkRows: number;
  readonly chunkBytes: number;
  readonly batchBytes: number;
}

/** The sha256 of a blob in lower-case hex: its artifact name is `cache/<hash>`. */
export function cacheHash(blob: Uint8Array): string {
  return createHash("sha256").update(blob).digest("hex");
}

export class LocalRelationCache {
  private readonly tables = new WeakMap<Relation, Table>();
  private readonly decisions = new WeakMap<Relation, Promise<Relation | undefined>>();
  private registered = 0;

  constructor(private readonly backend: Backend) {}

  /** Remembers the table behind a local relation, in case it turns out to be large enough to cache. */
  register(relation: Relation, table: Table): void {
    this.tables.set(relation, table);
    this.registered += 1;
  }

  /** `request` with every registered local relation at or above the threshold replaced by its cached form. */
  async prepare<T>(request: T): Promise<T> {
    if (this.registered === 0) return request;
    const candidates = findRelations(request, (relation) => this.tables.has(relation));
    if (candidates.size === 0) return request;
    const replacements = new Map<Relation, Relation>();
    for (const relation of candidates) {
      const cached = await this.decide(relation);
      if (cached !== undefined) replacements.set(relation, cached);
    }
    return replaceRelations(request, replacements);
  }

  private decide(relation: Relation): Promise<Relation | undefined> {
    let decision = this.decisions.get(relation);
    if (decision === undefined) {
      decision = this.cacheIfLarge(relation);
      this.decisions.set(relation, decision);
      // A failed upload is retried by the next request rather than remembered.
      decision.catch(() => this.decisions.delete(relation));
    }
    return decision;
  }

  private async cacheIfLarge(relation: Relation): Promise<Relation | undefined> {
    const table = this.tables.get(relation);
    if (table === undefined || relation.relType.case !== "localRelation") return undefined;
    const settings = await this.settings();
    if (table.numRows === 0 || tableBytes(table) < settings.threshold) return undefined;
    const schema = relation.relType.value.schema;
    const blobs = (function* () {
      if (schema !== undefined) yield new TextEncoder().encode(schema);
      yield* localRelationChunks(table, {
        maxRows: settings.chunkRows,
        maxBytes: Math.min(settings.chunkBytes, settings.batchBytes),
      });
    })();
    const hashes = await this.upload(blobs, settings.batchBytes);
    const schemaHash = schema === undefined ? undefined : hashes[0];
    const dataHashes = schema === undefined ? hashes : hashes.slice(1);
    return create(RelationSchema, {
      ...(relation.common === undefined ? {} : { common: relation.common }),
      relType: {
        case: "chunkedCachedLocalRelation",
        value: schemaHash === undefined ? { dataHashes } : { dataHashes, schemaHash },
      },
    });
  }

  /** Uploads the blobs in groups of at most `batchBytes` (a lone larger blob is its own group); returns their hashes. */
  private async upload(blobs: Iterable<Uint8Array>, batchBytes: number): Promise<string[]> {
    const hashes: string[] = [];
    let group: Uint8Array[] = [];
    let groupBytes = 0;
    for (const blob of blobs) {
      if (group.length > 0 && groupBytes + blob.byteLength > batchBytes) {
        hashes.push(...(await this.uploadGroup(group)));
        group = [];
        groupBytes = 0;
      }
      group.push(blob);
      groupBytes += blob.byteLength;
    }
    hashes.push(...(await this.uploadGroup(group)));
    return hashes;
  }

  private async uploadGroup(blobs: readonly Uint8Array[]): Promise<string[]> {
    const hashes = blobs.map(cacheHash);
    const names = [...new Set(hashes)].map((hash) => `cache/${hash}`);
    const present = await this.backend.artifactStatus(names);
    const missing = new Map<string, Uint8Array>();
    blobs.forEach((blob, index) => {
      const name = `cache/${hashes[index]}`;
      if (present.get(name) !== true && !missing.has(name)) missing.set(name, blob);
    });
    if (missing.size > 0) await this.backend.addArtifacts([...missing].map(([name, data]) => ({ name, data })));
    return hashes;
  }

  private async settings(): Promise<CacheSettings> {
    const keys = [CONF_THRESHOLD, CONF_CHUNK_ROWS, CONF_CHUNK_BYTES, CONF_BATCH_BYTES];
    const response = await this.backend.config({ opType: { case: "get", value: { keys } } });
    const values = new Map(response.pairs.map((pair) => [pair.key, pair.value]));
    const numberOf = (key: string): number => {
      const value = Number(values.get(key));
      if (!Number.isFinite(value)) throw new Error(`The server answered ${key} with ${String(values.get(key))}`);
      return value;
    };
    return {
      threshold: numberOf(CONF_THRESHOLD),
      chunkRows: numberOf(CONF_CHUNK_ROWS),
      chunkBytes: numberOf(CONF_CHUNK_BYTES),
      batchBytes: numberOf(CONF_BATCH_BYTES),
    };
  }
}

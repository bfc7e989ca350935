/**
 * Splits artifacts into the AddArtifacts request stream the way PySpark does: artifacts up to 32 KiB are packed
 * together into batches of at most 32 KiB, larger ones are sent alone as a begin-chunk message followed by chunk
 * messages. Every piece of data carries its CRC-32 so the server can check what arrived.
 */

import { crc32 } from "node:zlib";
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { AddArtifactsRequestSchema } from "../../generated/proto/spark/connect/base_pb.js";
import type { Artifact } from "../backend.js";

export const ARTIFACT_CHUNK_BYTES = 32 * 1024;

/** The payload oneof of one AddArtifactsRequest (the envelope is added by the caller). */
export type ArtifactPayload = NonNullable<MessageInitShape<typeof AddArtifactsRequestSchema>["payload"]>;

export function artifactPayloads(artifacts: readonly Artifact[]): ArtifactPayload[] {
  const payloads: ArtifactPayload[] = [];
  let batch: Artifact[] = [];
  let batchBytes = 0;
  const flushBatch = () => {
    if (batch.length === 0) return;
    payloads.push(batchPayload(batch));
    batch = [];
    batchBytes = 0;
  };
  for (const artifact of artifacts) {
    const size = artifact.data.byteLength;
    if (size > ARTIFACT_CHUNK_BYTES) {
      flushBatch();
      payloads.push(...chunkedPayloads(artifact));
      continue;
    }
    if (batchBytes + size > ARTIFACT_CHUNK_BYTES) flushBatch();
    batch.push(artifact);
    batchBytes += size;
  }
  flushBatch();
  return payloads;
}

function batchPayload(artifacts: readonly Artifact[]): ArtifactPayload {
  return {
    case: "batch",
    value: { artifacts: artifacts.map((artifact) => ({ name: artifact.name, data: checkedChunk(artifact.data) })) },
  };
}

function chunkedPayloads(artifact: Artifact): ArtifactPayload[] {
  const { data } = artifact;
  const chunkCount = Math.ceil(data.byteLength / ARTIFACT_CHUNK_BYTES);
  const chunks = Array.from({ length: chunkCount }, (_, index) =>
    checkedChunk(data.subarray(index * ARTIFACT_CHUNK_BYTES, (index + 1) * ARTIFACT_CHUNK_BYTES)),
  );
  const [first, ...rest] = chunks;
  return [
    {
      case: "beginChunk",
      value: {
        name: artifact.name,
        totalBytes: BigInt(data.byteLength),
        numChunks: BigInt(chunkCount),
        ...(first === undefined ? {} : { initialChunk: first }),
      },
    },
    ...rest.map((chunk): ArtifactPayload => ({ case: "chunk", value: chunk })),
  ];
}

function checkedChunk(data: Uint8Array): { data: Uint8Array; crc: bigint } {
  return { data, crc: BigInt(crc32(data)) };
}

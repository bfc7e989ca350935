import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ARTIFACT_CHUNK_BYTES, artifactPayloads } from "./artifact-requests.js";

const bytes = (length: number, seed = 1) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

describe("artifactPayloads", () => {
  it("packs small artifacts into one batch with a CRC-32 each", () => {
    const a = bytes(10);
    const payloads = artifactPayloads([
      { name: "files/a.txt", data: a },
      { name: "files/b.txt", data: bytes(20, 2) },
    ]);
    expect(payloads).toHaveLength(1);
    const [only] = payloads;
    expect(only?.case).toBe("batch");
    if (only?.case !== "batch") return;
    expect(only.value.artifacts?.map((artifact) => artifact.name)).toEqual(["files/a.txt", "files/b.txt"]);
    expect(only.value.artifacts?.[0]?.data?.crc).toBe(BigInt(crc32(a)));
    // Cross-check against the well-known CRC-32 of "123456789".
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("starts a new batch when the next artifact would overflow 32 KiB", () => {
    const payloads = artifactPayloads([
      { name: "files/a", data: bytes(20_000) },
      { name: "files/b", data: bytes(20_000) },
      { name: "files/c", data: bytes(5_000) },
    ]);
    expect(payloads.map((payload) => payload.case)).toEqual(["batch", "batch"]);
  });

  it("sends a large artifact alone in 32 KiB chunks after flushing the pending batch", () => {
    const large = bytes(ARTIFACT_CHUNK_BYTES * 2 + 100);
    const payloads = artifactPayloads([
      { name: "files/small", data: bytes(5) },
      { name: "cache/big", data: large },
      { name: "files/after", data: bytes(5) },
    ]);
    expect(payloads.map((payload) => payload.case)).toEqual(["batch", "beginChunk", "chunk", "chunk", "batch"]);
    const begin = payloads[1];
    if (begin?.case !== "beginChunk") throw new Error("expected beginChunk");
    expect(begin.value).toMatchObject({ name: "cache/big", totalBytes: BigInt(large.length), numChunks: 3n });
    const sent = payloads.flatMap((payload) =>
      payload.case === "beginChunk" ? [payload.value.initialChunk] : payload.case === "chunk" ? [payload.value] : [],
    );
    expect(sent.map((chunk) => chunk?.data?.byteLength)).toEqual([ARTIFACT_CHUNK_BYTES, ARTIFACT_CHUNK_BYTES, 100]);
    for (const chunk of sent) expect(chunk?.crc).toBe(BigInt(crc32(chunk?.data ?? new Uint8Array())));
  });

  it("keeps an artifact of exactly 32 KiB in a batch", () => {
    expect(artifactPayloads([{ name: "files/x", data: bytes(ARTIFACT_CHUNK_BYTES) }]).map((p) => p.case)).toEqual([
      "batch",
    ]);
  });
});

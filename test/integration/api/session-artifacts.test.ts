/**
 * Artifacts against the real server: jars, files and archives added with addArtifacts land in the session's own
 * artifact space under PySpark's names (the server lists them with LIST JARS / FILES / ARCHIVES), a file's bytes
 * arrive intact (read back through SparkFiles on the server), and copyFromLocalToFs sends a `forward_to_fs`
 * artifact, which the server handles according to `spark.connect.copyFromLocalToFs.allowDestLocal`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SparkSession } from "../../../runtime/api/session.js";
import { ClientArgumentError, SparkConnectError } from "../../../runtime/errors/index.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { testSession } from "./fixture.js";

const ALLOW_DEST_LOCAL = "spark.connect.copyFromLocalToFs.allowDestLocal";

/** A minimal zip archive (one stored entry), so jars and archives are real files the server accepts. */
function zipWith(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const fileName = Buffer.from(name);
  const crc = zlibCrc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

function zlibCrc32(data: Buffer): number {
  // node:zlib has crc32 from Node 20.15 / 22.2; the package supports Node 20, where it may be missing.
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe("session artifacts", () => {
  let spark: SparkSession;
  let dir: string;

  beforeAll(async () => {
    spark = await testSession();
    dir = mkdtempSync(join(tmpdir(), "sparkts-artifacts-"));
    writeFileSync(join(dir, "notes.txt"), "line one\nline two\n");
    writeFileSync(join(dir, "empty.jar"), zipWith("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));
    writeFileSync(join(dir, "data.zip"), zipWith("inner.txt", "zipped\n"));
  });

  afterAll(async () => {
    await spark?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The server keeps each session's artifacts under its server-side session id. */
  function artifactSpace(): string {
    const backend = spark.backend;
    if (!(backend instanceof RemoteBackend) || backend.serverSideSessionId === undefined) {
      throw new Error("expected a remote session that has talked to the server");
    }
    return backend.serverSideSessionId;
  }

  async function listed(command: string): Promise<string[]> {
    const rows = await (await spark.sql(command)).collect();
    return rows.map((row) => String(row.values[0]));
  }

  it("a jar, a file and an archive with an alias are listed in this session's artifact space", async () => {
    await spark.addArtifacts(join(dir, "empty.jar"));
    await spark.addArtifact(join(dir, "notes.txt"), { file: true });
    await spark.addArtifacts(`${join(dir, "data.zip")}#dz`, { archive: true });
    const where = `/artifacts/${artifactSpace()}/`;
    expect(await listed("LIST JARS")).toContainEqual(expect.stringMatching(new RegExp(`${where}jars/empty\\.jar$`)));
    expect(await listed("LIST FILES")).toContainEqual(expect.stringMatching(new RegExp(`${where}files/notes\\.txt$`)));
    expect(await listed("LIST ARCHIVES")).toContainEqual(
      expect.stringMatching(new RegExp(`${where}archives/data\\.zip#dz$`)),
    );
  });

  it("a file's bytes arrive intact: the server reads the same lines from its copy", async () => {
    await spark.addArtifacts(join(dir, "notes.txt"), { file: true });
    // Session files sit in a directory of their own (named after the session) under SparkFiles' root.
    const [root] = await (
      await spark.sql("SELECT reflect('org.apache.spark.SparkFiles', 'getRootDirectory')")
    ).collect();
    const lines = await spark.read.text(`${String(root?.values[0])}/${artifactSpace()}/notes.txt`).collect();
    expect(lines.map((row) => row.values[0])).toEqual(["line one", "line two"]);
  });

  it("checks its arguments as PySpark does", async () => {
    await expect(spark.addArtifacts(join(dir, "notes.txt"))).rejects.toMatchObject({
      errorClass: "UNSUPPORTED_OPERATION",
    });
    await expect(spark.addArtifacts(join(dir, "data.zip"), { archive: true, file: true })).rejects.toMatchObject({
      errorClass: "INVALID_MULTIPLE_ARGUMENT_CONDITIONS",
    });
    await expect(spark.copyFromLocalToFs(join(dir, "notes.txt"), "s3a://bucket/x")).rejects.toBeInstanceOf(
      ClientArgumentError,
    );
  });

  it("copyFromLocalToFs: copied and readable when the server allows local destinations, refused by the server otherwise", async () => {
    const allowed = (await spark.conf.get(ALLOW_DEST_LOCAL, "false")) === "true";
    const dest = join(dir, "copied", "notes.txt");
    const copy = spark.copyFromLocalToFs(join(dir, "notes.txt"), dest);
    if (allowed) {
      await copy;
      const lines = await spark.read.text(dest).collect();
      expect(lines.map((row) => row.values[0])).toEqual(["line one", "line two"]);
    } else {
      // The refusal comes from the server's forward_to_fs handling, so the artifact reached it under that name.
      await expect(copy).rejects.toBeInstanceOf(SparkConnectError);
      await expect(copy).rejects.toThrow(/local file system destination path is not supported/);
    }
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Batch, getScalar } from "../columnar/column-vector.js";
import { simpleString } from "../types/data-types.js";
import { readDataSource } from "./data-source-reader.js";

const rowsOf = (partitions: readonly Batch[]) =>
  partitions.flatMap((b) => Array.from({ length: b.numRows }, (_, r) => b.columns.map((c) => getScalar(c, r))));

function csvDir(lines: number): string {
  const dir = mkdtempSync(join(tmpdir(), "sparkts-io-unit-"));
  const text = ["id,name,score"];
  for (let i = 0; i < lines; i++) text.push(`${i},"name ${i}",${i / 4}`);
  writeFileSync(join(dir, "a.csv"), `${text.join("\n")}\n`);
  return dir;
}

describe("readDataSource", () => {
  it("splits a large line-based file into byte ranges that together read every row once", () => {
    const dir = csvDir(5000);
    const options = { header: "true", inferSchema: "true" };
    const whole = readDataSource({ format: "csv", paths: [dir], options }, "UTC");
    const split = readDataSource(
      { format: "csv", paths: [dir], options: { ...options, maxPartitionBytes: "4096" } },
      "UTC",
    );
    expect(whole.partitions.length).toBe(1);
    expect(split.partitions.length).toBeGreaterThan(10);
    expect(split.fields.map((f) => simpleString(f.type))).toEqual(["int", "string", "double"]);
    expect(rowsOf(split.partitions)).toEqual(rowsOf(whole.partitions));
    expect(rowsOf(split.partitions).length).toBe(5000);
  });

  it("reads text files as one value column and skips _ and . files", () => {
    const dir = mkdtempSync(join(tmpdir(), "sparkts-io-unit-"));
    writeFileSync(join(dir, "a.txt"), "one\r\ntwo\n\nthree");
    writeFileSync(join(dir, "_SUCCESS"), "ignored");
    writeFileSync(join(dir, ".a.txt.crc"), "ignored");
    const scan = readDataSource({ format: "text", paths: [dir] }, "UTC");
    expect(rowsOf(scan.partitions)).toEqual([["one"], ["two"], [""], ["three"]]);
  });

  it("names unknown formats and missing paths", () => {
    expect(() => readDataSource({ format: "orc", paths: ["/tmp"] }, "UTC")).toThrow(/DATA_SOURCE_NOT_FOUND/);
    expect(() => readDataSource({ format: "csv", paths: ["/no/such/dir"] }, "UTC")).toThrow(/PATH_NOT_FOUND/);
    expect(() => readDataSource({ format: "csv", paths: [] }, "UTC")).toThrow(/needs a path/);
  });

  it("takes declared types for partition columns from the user schema", () => {
    const dir = mkdtempSync(join(tmpdir(), "sparkts-io-unit-"));
    mkdirSync(join(dir, "k=7"));
    writeFileSync(join(dir, "k=7", "a.json"), '{"v": 1}\n');
    const scan = readDataSource({ format: "json", paths: [dir], schema: "v long, k string" }, "UTC");
    expect(scan.fields.map((f) => `${f.name}:${simpleString(f.type)}`)).toEqual(["v:bigint", "k:string"]);
    expect(rowsOf(scan.partitions)).toEqual([[1n, "7"]]);
  });
});

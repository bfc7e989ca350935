import { describe, expect, it } from "vitest";
import { getScalar } from "../columnar/column-vector.js";
import { simpleString } from "../types/data-types.js";
import type { DataFile } from "./file-listing.js";
import { discoverPartitions, partitionColumnsFor } from "./partition-discovery.js";

const file = (relative: string): DataFile => ({ path: `/data/t/${relative}`, size: 1, root: "/data/t" });

function typesOf(paths: string[]): string[] {
  return discoverPartitions(paths.map(file), "UTC").columns.map((c) => `${c.name}:${simpleString(c.type)}`);
}

describe("partition discovery", () => {
  it("infers int, bigint, double, date, timestamp and string values", () => {
    expect(typesOf(["a=1/b=2024-01-01/c=x/f.parquet", "a=2/b=2024-01-02/c=3/f.parquet"])).toEqual([
      "a:int",
      "b:date",
      "c:string",
    ]);
    expect(typesOf(["n=3000000000/d=1.5/t=2024-01-01 10%3A00%3A00/f"])).toEqual([
      "n:bigint",
      "d:double",
      "t:timestamp",
    ]);
  });

  it("widens across directories: int with double is double, date with timestamp is timestamp", () => {
    expect(typesOf(["v=1/f", "v=2.5/f"])).toEqual(["v:double"]);
    expect(typesOf(["v=2024-01-01/f", "v=2024-01-01 10:00:00/f"])).toEqual(["v:timestamp"]);
  });

  it("reads the default partition name as NULL and unescapes %XX", () => {
    const files = [file("k=__HIVE_DEFAULT_PARTITION__/f"), file("k=a%2Fb/f")];
    const layout = discoverPartitions(files, "UTC");
    expect(simpleString(layout.columns[0]?.type ?? ({} as never))).toBe("string");
    const [nullColumn] = partitionColumnsFor(layout, files[0] as DataFile, 2, "UTC");
    const [slash] = partitionColumnsFor(layout, files[1] as DataFile, 1, "UTC");
    expect(nullColumn && getScalar(nullColumn, 1)).toBeNull();
    expect(slash && getScalar(slash, 0)).toBe("a/b");
  });

  it("fails on directories that disagree about the partition columns", () => {
    expect(() => discoverPartitions([file("a=1/f"), file("b=1/f")], "UTC")).toThrow(/Conflicting partition/);
  });
});

import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { columnFromScalars } from "../columnar/column-vector.js";
import type { AttributeRef } from "../logical/expressions.js";
import type { QueryResult } from "../query-engine.js";
import * as T from "../types/data-types.js";
import { NOT_PERSISTED, PersistedPlans } from "./persisted-plans.js";

const DISK_ONLY = { useDisk: true, useMemory: false, useOffHeap: false, deserialized: false, replication: 1 };
const MEMORY_ONLY = { useDisk: false, useMemory: true, useOffHeap: false, deserialized: true, replication: 1 };

const output = [{ name: "n", type: T.LONG, nullable: true, id: 1, qualifier: [] }] as unknown as AttributeRef[];
function result(values: readonly (bigint | null)[][]): QueryResult {
  return {
    output,
    partitions: values.map((part) => [{ columns: [columnFromScalars(T.LONG, part)], numRows: part.length }]),
  };
}
const valuesOf = (r: QueryResult | undefined) =>
  r?.partitions.map((p) => p.flatMap((b) => Array.from(b.columns[0]?.data as BigInt64Array)));

const spillDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith("sparkts-cache-"));

describe("persisted plans", () => {
  let plans: PersistedPlans;
  afterEach(() => plans.close());

  it("answers nothing for a plan that was not persisted", async () => {
    plans = new PersistedPlans();
    let runs = 0;
    const kept = await plans.resultFor(
      "q",
      async () => {
        runs++;
        return result([[1n]]);
      },
      "UTC",
    );
    expect(kept).toBeUndefined();
    expect(runs).toBe(0);
    expect(plans.levelOf("q")).toEqual(NOT_PERSISTED);
  });

  it("computes a memory-level plan once and keeps the first level", async () => {
    plans = new PersistedPlans();
    plans.persist("q", MEMORY_ONLY);
    plans.persist("q", DISK_ONLY);
    let runs = 0;
    const compute = async () => {
      runs++;
      return result([[1n, 2n], [3n]]);
    };
    const first = await plans.resultFor("q", compute, "UTC");
    const second = await plans.resultFor("q", compute, "UTC");
    expect(runs).toBe(1);
    expect(second).toBe(first);
    expect(plans.levelOf("q")).toEqual(MEMORY_ONLY);
  });

  it("spills a disk-only plan as Arrow files, reads it back, and removes the files on unpersist", async () => {
    const before = new Set(spillDirs());
    plans = new PersistedPlans();
    plans.persist("q", DISK_ONLY);
    let runs = 0;
    const compute = async () => {
      runs++;
      return result([[1n, null], [7n]]);
    };
    await plans.resultFor("q", compute, "UTC");
    const dir = spillDirs().find((d) => !before.has(d));
    expect(dir).toBeDefined();
    const files = readdirSync(`${tmpdir()}/${dir}`);
    expect(files).toHaveLength(2);
    const reread = await plans.resultFor("q", compute, "UTC");
    expect(runs).toBe(1);
    expect(valuesOf(reread)).toEqual([[1n, 0n], [7n]]);
    expect(reread?.partitions[0]?.[0]?.columns[0]?.validity).toEqual(new Uint8Array([1, 0]));
    plans.unpersist("q");
    expect(readdirSync(`${tmpdir()}/${dir}`)).toHaveLength(0);
    expect(plans.levelOf("q")).toEqual(NOT_PERSISTED);
    plans.close();
    expect(existsSync(`${tmpdir()}/${dir}`)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { MapOutputTracker } from "./map-output-tracker.js";
import type { MapStatus } from "./map-status.js";

const status = (executorId: string, rows: number[]): MapStatus => ({
  executorId,
  rows,
  bytes: rows.map((r) => r * 8),
  spilledBlocks: 0,
  spillDir: null,
});

describe("map output tracker", () => {
  it("locates a reduce partition's non-empty blocks by executor, in map order", () => {
    const tracker = new MapOutputTracker();
    const shuffle = tracker.register(3, 2);
    tracker.registerMapOutput(shuffle, 0, status("a", [1, 0]));
    expect(tracker.missingMaps(shuffle)).toEqual([1, 2]);
    expect(tracker.locations(shuffle, 0)).toBeUndefined();
    tracker.registerMapOutput(shuffle, 1, status("b", [2, 3]));
    tracker.registerMapOutput(shuffle, 2, status("a", [4, 5]));
    expect(tracker.locations(shuffle, 0)).toEqual([
      { executorId: "a", maps: [0, 2] },
      { executorId: "b", maps: [1] },
    ]);
    expect(tracker.locations(shuffle, 1)).toEqual([
      { executorId: "b", maps: [1] },
      { executorId: "a", maps: [2] },
    ]);
  });

  it("forgets a lost executor's outputs in every shuffle, and ignores its late statuses", () => {
    const tracker = new MapOutputTracker();
    const first = tracker.register(2, 1);
    const second = tracker.register(1, 1);
    tracker.registerMapOutput(first, 0, status("a", [1]));
    tracker.registerMapOutput(first, 1, status("b", [1]));
    tracker.registerMapOutput(second, 0, status("a", [1]));
    expect(tracker.executorLost("a")).toBe(2);
    expect(tracker.missingMaps(first)).toEqual([0]);
    expect(tracker.missingMaps(second)).toEqual([0]);
    tracker.registerMapOutput(second, 0, status("a", [1]));
    expect(tracker.missingMaps(second)).toEqual([0]);
    tracker.registerMapOutput(second, 0, status("c", [1]));
    expect(tracker.missingMaps(second)).toEqual([]);
  });
});

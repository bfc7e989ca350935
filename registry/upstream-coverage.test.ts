/** The registry and the pyspark 4.1.1 snapshot name the same functions and class members, exclusions included. */
import { describe, expect, it } from "vitest";
import { loadRegistry } from "./load.js";
import { classDrift, functionDrift, loadSnapshot } from "./upstream.js";

const registry = loadRegistry();
const snapshot = loadSnapshot();

describe("registry versus the pyspark 4.1.1 snapshot", () => {
  it("has all 503 public builtins of pyspark.sql.connect.functions, and no others", () => {
    expect(snapshot.functionCount).toBe(503);
    expect(functionDrift(registry, snapshot)).toEqual({ missing: [], unknown: [] });
  });

  for (const [className, drift] of classDrift(registry, snapshot)) {
    it(`${className}: every pyspark member is registered or excluded with a reason, and nothing else`, () => {
      expect(drift).toEqual({ missing: [], unknown: [] });
    });
  }

  it("the drift check notices a function missing from the registry", () => {
    const trimmed = { ...registry, functions: registry.functions.filter((entry) => entry.name !== "acos") };
    expect(functionDrift(trimmed, snapshot)).toEqual({ missing: ["acos"], unknown: [] });
  });

  it("the drift check notices a class member the snapshot does not have", () => {
    const [first, ...rest] = registry.classes;
    const extra = { ...first!, excluded: [...first!.excluded, { name: "notInPyspark", reason: "a test entry only" }] };
    expect(classDrift({ ...registry, classes: [extra, ...rest] }, snapshot).get(first!.name)).toEqual({
      missing: [],
      unknown: ["notInPyspark"],
    });
  });
});

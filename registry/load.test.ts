import { describe, expect, it } from "vitest";
import { functionEntryInputs } from "./functions/index.js";
import { loadRegistry, RegistryError } from "./load.js";
import type { FunctionEntryInput } from "./schema.js";

const acos = functionEntryInputs.find((entry) => entry.name === "acos")!;
const inputs = (functions: FunctionEntryInput[]) => ({ functions, classes: [], protoOperations: [] });

describe("loadRegistry", () => {
  it("loads the committed registry: 503 builtins, 23 classes, every gap with a reason", () => {
    const registry = loadRegistry();
    expect(registry.functions).toHaveLength(503);
    expect(registry.classes).toHaveLength(23);
    const statuses = [
      ...registry.functions.map((entry) => entry.status),
      ...registry.classes.flatMap((entry) => entry.members.map((member) => member.status)),
    ];
    for (const status of statuses) {
      for (const backend of [status.spark, status.local]) {
        if (backend.state === "gap") expect(backend.reason.length).toBeGreaterThan(8);
      }
    }
  });

  it("names the entry and the field of an invalid entry", () => {
    const broken = { ...acos, status: { spark: { state: "gap" }, local: acos.status.local } } as FunctionEntryInput;
    expect(() => loadRegistry(inputs([broken]))).toThrow(RegistryError);
    expect(() => loadRegistry(inputs([broken]))).toThrow(
      /registry entry "acos" is invalid:\n {2}status\.spark\.reason/,
    );
  });

  it("rejects a description spanning lines and an optional variadic argument", () => {
    const twoLines = { ...acos, description: "First line of text.\nSecond line." };
    expect(() => loadRegistry(inputs([twoLines]))).toThrow(/description: must be one line/);
    const odd = { ...acos, args: [{ name: "col", kind: "column", tsType: "Column", optional: true, variadic: true }] };
    expect(() => loadRegistry(inputs([odd as FunctionEntryInput]))).toThrow(/both optional and variadic/);
  });

  it("rejects duplicate names", () => {
    expect(() => loadRegistry(inputs([acos, acos]))).toThrow(/duplicate function "acos"/);
  });
});

import { describe, expect, it } from "vitest";
import { functionEntryInputs } from "./functions/index.js";
import { loadRegistry, RegistryError } from "./load.js";
import type { FunctionEntryInput } from "./schema.js";

const acos = functionEntryInputs.find((entry) => entry.name === "acos")!;
const inputs = (functions: FunctionEntryInput[]) => ({ functions, classes: [], protoOperations: [] });

describe("loadRegistry", () => {
  it("loads the committed registry: 503 builtins, 26 classes, every gap with a reason", () => {
    const registry = loadRegistry();
    expect(registry.functions).toHaveLength(503);
    expect(registry.classes).toHaveLength(26);
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

describe("loadRegistry: class examples", () => {
  const committed = loadRegistry();
  const withExamples = (members: Record<string, { ts: string; python: string }[]>, className = "Column") => ({
    functions: [],
    classes: committed.classes,
    protoOperations: [],
    classExamples: [{ className, members }],
  });

  it("accepts examples of members the class offers", () => {
    const example = { ts: 'F.col("i").isNull()', python: 'F.col("i").isNull()' };
    expect(loadRegistry(withExamples({ isNull: [example] })).classExamples).toHaveLength(1);
  });

  it("rejects examples of an unknown class, an unknown member or an excluded one", () => {
    const example = { ts: "x", python: "x" };
    expect(() => loadRegistry(withExamples({ isNull: [example] }, "Nope"))).toThrow(/unknown class "Nope"/);
    expect(() => loadRegistry(withExamples({ nope: [example] }))).toThrow(/name "nope", which it does not offer/);
    const excluded = committed.classes.find((entry) => entry.name === "Column")!.excluded[0]!.name;
    expect(() => loadRegistry(withExamples({ [excluded]: [example] }))).toThrow(/which it does not offer/);
  });
});

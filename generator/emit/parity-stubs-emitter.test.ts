/** A small registry fragment in, the exact text of the generated parity examples out. */
import { describe, expect, it } from "vitest";
import { type FunctionEntryInput, functionEntrySchema } from "../../registry/schema.js";
import { emitParityStubs } from "./parity-stubs-emitter.js";

const engineGap = { state: "gap", reason: "embedded engine does not implement it yet" } as const;

const entry = (input: Partial<FunctionEntryInput> & Pick<FunctionEntryInput, "name" | "examples">) =>
  functionEntrySchema.parse({
    category: "window",
    since: "1.4.0",
    description: "A function for the test.",
    args: [{ name: "col", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: input.name },
    status: { spark: { state: "supported" }, local: engineGap },
    ...input,
  });

describe("emitParityStubs", () => {
  it("emits each example with its category and result comparison, importing Window only when used", () => {
    const entries = [
      entry({ name: "rank", args: [], examples: ['rank().over(Window.orderBy("id"))'] }),
      entry({
        name: "lag",
        examples: ['lag("s")'],
        resultComparison: { compare: "schema", reason: "values differ from run to run" },
      }),
    ];
    const names = new Set(["rank", "lag"]);
    const text = emitParityStubs("window", entries, names, "registry/functions/window.ts").text;
    expect(text).toContain('import { Window } from "../../../runtime/api/window.js";');
    expect(text).toContain(
      '{ function: "lag", category: "window", example: "lag(\\"s\\")", build: (sparkSession) => lag("s"), ' +
        'spark: "supported", local: "gap", compare: "schema" }',
    );
    expect(text).toContain(
      '{ function: "rank", category: "window", example: "rank().over(Window.orderBy(\\"id\\"))", ' +
        'build: (sparkSession) => rank().over(Window.orderBy("id")), spark: "supported", local: "gap", compare: "values" }',
    );

    const plain = emitParityStubs("window", [entries[1]!], names, "registry/functions/window.ts").text;
    expect(plain).not.toContain("Window");
  });
});

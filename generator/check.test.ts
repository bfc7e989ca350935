/**
 * `generate --check` semantics: the committed output is current, editing one registry entry without regenerating
 * is caught, and the writer reports changed, missing and stale files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadRegistry, type Registry } from "../registry/load.js";
import { generate } from "./pipeline.js";
import { checkGeneratedFiles, handWrittenCaseNames, writeGeneratedFiles } from "./writer.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const registry = loadRegistry();
const options = { handWrittenCases: handWrittenCaseNames(ROOT) };
const files = generate(registry, options);

describe("generate --check", () => {
  it("finds the committed generated files up to date", () => {
    expect(checkGeneratedFiles(ROOT, files)).toEqual([]);
  });

  it("fails when one registry entry changed and generated/ was not regenerated", () => {
    const edited: Registry = {
      ...registry,
      functions: registry.functions.map((entry) =>
        entry.name === "acos" ? { ...entry, description: "Arc cosine, edited without regenerating." } : entry,
      ),
    };
    expect(checkGeneratedFiles(ROOT, generate(edited, options))).toEqual([
      { path: "generated/functions/math.ts", problem: "changed" },
    ]);
  });

  it("regenerates identical bytes", () => {
    expect(generate(registry, options)).toEqual(files);
  });
});

describe("writer", () => {
  let scratch: string | undefined;
  afterEach(() => {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  });

  it("writes everything, then reports changed, missing and stale files", () => {
    scratch = mkdtempSync(join(tmpdir(), "sparkts-generate-"));
    const sample = files.filter((file) => file.path.startsWith("generated/functions/"));
    expect(writeGeneratedFiles(scratch, sample).every((drift) => drift.problem === "missing")).toBe(true);
    expect(checkGeneratedFiles(scratch, sample)).toEqual([]);

    const [first, second] = sample;
    writeFileSync(join(scratch, first!.path), `${readFileSync(join(scratch, first!.path), "utf8")}// edited\n`);
    rmSync(join(scratch, second!.path));
    writeFileSync(join(scratch, "generated/functions/orphan.ts"), "export {};\n");
    expect(checkGeneratedFiles(scratch, sample)).toEqual(
      [
        { path: first!.path, problem: "changed" },
        { path: second!.path, problem: "missing" },
        { path: "generated/functions/orphan.ts", problem: "stale" },
      ].sort((a, b) => a.path.localeCompare(b.path)),
    );
    writeGeneratedFiles(scratch, sample);
    expect(checkGeneratedFiles(scratch, sample)).toEqual([]);
  });
});

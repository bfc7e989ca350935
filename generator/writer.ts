/**
 * The only generator code that touches the output on disk: writes generated files, removes stale ones, and for
 * `--check` compares what would be written with what is there.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { GeneratedFile } from "./emit/generated-file.js";

/** Directories the generator owns entirely: anything in them it did not produce is stale. */
export const OUTPUT_DIRS = ["generated/functions", "generated/api", "generated/parity"] as const;

/** Where hand-written parity cases live, one file per builtin: `<name>.test.ts`. */
export const HAND_WRITTEN_CASES_DIR = "parity-tests/cases/functions";

export interface Drift {
  readonly path: string;
  readonly problem: "changed" | "missing" | "stale";
}

function filesUnder(root: string, dir: string): string[] {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

export function existingOutputFiles(root: string): string[] {
  return OUTPUT_DIRS.flatMap((dir) => filesUnder(root, dir)).sort();
}

/** Differences between the generated files and the disk, in path order. */
export function checkGeneratedFiles(root: string, files: readonly GeneratedFile[]): Drift[] {
  const drift: Drift[] = [];
  const expected = new Set(files.map((file) => file.path));
  for (const file of files) {
    const absolute = join(root, file.path);
    if (!existsSync(absolute)) drift.push({ path: file.path, problem: "missing" });
    else if (readFileSync(absolute, "utf8") !== file.text) drift.push({ path: file.path, problem: "changed" });
  }
  for (const path of existingOutputFiles(root)) {
    if (!expected.has(path)) drift.push({ path, problem: "stale" });
  }
  return drift.sort((a, b) => a.path.localeCompare(b.path));
}

/** Writes changed and missing files and deletes stale ones; returns what it did. */
export function writeGeneratedFiles(root: string, files: readonly GeneratedFile[]): Drift[] {
  const drift = checkGeneratedFiles(root, files);
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const { path, problem } of drift) {
    const absolute = join(root, path);
    if (problem === "stale") {
      rmSync(absolute);
      continue;
    }
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, byPath.get(path)!.text);
  }
  return drift;
}

/** Names of builtins with a hand-written parity case. */
export function handWrittenCaseNames(root: string): Set<string> {
  return new Set(
    filesUnder(root, HAND_WRITTEN_CASES_DIR)
      .map((path) => path.split("/").pop()!)
      .filter((name) => name.endsWith(".test.ts"))
      .map((name) => name.slice(0, -".test.ts".length)),
  );
}

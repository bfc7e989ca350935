/**
 * `npm run generate` writes generated/{functions,api,parity} from the registry;
 * `npm run generate -- --check` regenerates in memory and exits 1 on any changed, missing or stale file.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRegistry } from "../registry/load.js";
import { generate } from "./pipeline.js";
import { checkGeneratedFiles, handWrittenCaseNames, writeGeneratedFiles } from "./writer.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

function main(argv: readonly string[]): number {
  const unknown = argv.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    console.error(`generate: unknown argument(s) ${unknown.join(" ")}; the only option is --check`);
    return 2;
  }
  const started = performance.now();
  const files = generate(loadRegistry(), { handWrittenCases: handWrittenCaseNames(ROOT) });
  const elapsed = `${Math.round(performance.now() - started)} ms`;
  if (argv.includes("--check")) {
    const drift = checkGeneratedFiles(ROOT, files);
    if (drift.length > 0) {
      for (const { path, problem } of drift) console.error(`  ${problem}: ${path}`);
      console.error(`generate --check: ${drift.length} file(s) out of date; run \`npm run generate\` (${elapsed})`);
      return 1;
    }
    console.log(`generate --check: ${files.length} files up to date (${elapsed})`);
    return 0;
  }
  const changes = writeGeneratedFiles(ROOT, files);
  for (const { path, problem } of changes) console.log(`  ${problem === "stale" ? "removed" : "wrote"} ${path}`);
  console.log(`generate: ${files.length} files, ${changes.length} changed (${elapsed})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

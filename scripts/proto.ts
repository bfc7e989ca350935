/**
 * `npm run proto`: obtains the Spark Connect 4.1.1 `.proto` files from the pinned upstream artifact (the
 * `spark-connect_2.13-4.1.1.jar` that ships inside `pyspark==4.1.1`), verifies each against `proto/UPSTREAM`,
 * and regenerates the protobuf-es bindings in `generated/proto/`.
 *
 * `--check` verifies and regenerates into a temporary folder, failing if the committed bindings differ.
 * `--update-lock` rewrites `proto/UPSTREAM` from what was extracted (only when deliberately moving versions).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const lockPath = join(root, "proto", "UPSTREAM");
const extractDir = join(root, "proto", ".extracted");

interface Lock {
  version: string;
  artifact: string;
  files: Map<string, string>;
}

function readLock(): Lock {
  const lines = readFileSync(lockPath, "utf8").split("\n");
  const lock: Lock = { version: "", artifact: "", files: new Map() };
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const [key, value] = trimmed.split(/\s+/, 2);
    if (key === undefined || value === undefined) throw new Error(`proto/UPSTREAM: cannot read line '${line}'`);
    if (key === "version") lock.version = value;
    else if (key === "artifact") lock.artifact = value;
    else lock.files.set(value, key);
  }
  return lock;
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function locateJar(lock: Lock): string {
  const venv = execFileSync("bash", [join(root, "scripts", "pyspark-env.sh")], { encoding: "utf8" }).trim();
  const python = join(venv, "bin", "python");
  const pysparkDir = execFileSync(python, ["-c", "import os, pyspark; print(os.path.dirname(pyspark.__file__))"], {
    encoding: "utf8",
  }).trim();
  const jar = join(pysparkDir, "jars", lock.artifact);
  if (!existsSync(jar)) throw new Error(`pinned artifact ${lock.artifact} not found in ${pysparkDir}/jars`);
  return jar;
}

/** Extracts the Spark protos plus the google.rpc protos they need for error details (RetryInfo, ErrorInfo). */
function extract(jar: string, lock: Lock): void {
  rmSync(extractDir, { recursive: true, force: true });
  mkdirSync(extractDir, { recursive: true });
  const wanted = JSON.stringify([...lock.files.keys()]);
  execFileSync("python3", [
    "-c",
    "import json, sys, zipfile\n" +
      "z = zipfile.ZipFile(sys.argv[1])\n" +
      "for name in json.loads(sys.argv[3]): z.extract(name, sys.argv[2])",
    jar,
    extractDir,
    wanted,
  ]);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out.sort();
}

function verify(lock: Lock, update: boolean): void {
  const actual = new Map(listFiles(extractDir).map((p) => [relative(extractDir, p), sha256(p)]));
  if (update) {
    const body = [...actual].map(([name, hash]) => `${hash}  ${name}`).join("\n");
    writeFileSync(
      lockPath,
      `# Pinned upstream for the Spark Connect protocol; checked by \`npm run proto\`.\nversion ${lock.version}\nartifact ${lock.artifact}\n${body}\n`,
    );
    return;
  }
  for (const [name, expected] of lock.files) {
    const got = actual.get(name);
    if (got !== expected)
      throw new Error(`proto ${name}: sha256 ${got ?? "missing"} does not match proto/UPSTREAM ${expected}`);
  }
}

function generate(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const template = readFileSync(join(root, "proto", "buf.gen.yaml"), "utf8").replace(
    "out: generated/proto",
    `out: ${outDir}`,
  );
  execFileSync("npx", ["buf", "generate", "--template", template], { cwd: root, stdio: "inherit" });
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const lock = readLock();
  extract(locateJar(lock), lock);
  verify(lock, args.has("--update-lock"));
  const committed = join(root, "generated", "proto");
  if (!args.has("--check")) {
    generate(committed);
    console.log(`proto: Spark ${lock.version} bindings written to generated/proto (${lock.files.size} files verified)`);
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), "sparkts-proto-"));
  generate(scratch);
  const fresh = listFiles(scratch).map((p) => relative(scratch, p));
  const current = existsSync(committed) ? listFiles(committed).map((p) => relative(committed, p)) : [];
  const differing = [...new Set([...fresh, ...current])].filter((name) => {
    const a = join(scratch, name);
    const b = join(committed, name);
    return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
  });
  rmSync(scratch, { recursive: true, force: true });
  if (differing.length > 0) {
    console.error(`proto: generated/proto is stale; run \`npm run proto\`. Differing: ${differing.join(", ")}`);
    process.exit(1);
  }
  console.log("proto: generated/proto matches the pinned upstream");
}

main();

/**
 * Captures golden plans: PySpark 4.1.1 builds the plan of every registry example of a builtin (the example's
 * Column selected from `spark.range(1)`, or the example's DataFrame), and the protobuf JSON is written to
 * parity-tests/golden/functions/<category>.json. Run with a Spark Connect server at SPARK_REMOTE (default
 * sc://127.0.0.1:15002); nothing is executed there, PySpark only needs a session to build plans.
 *
 * Examples are written in TypeScript; the small subset they use (calls, strings, numbers, booleans, arrays,
 * arrow functions returning a variable, option objects, `{ date, time }` keyword objects, `new Uint8Array`)
 * is translated to Python here.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRegistry } from "../registry/load.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const GOLDEN_DIR = join(ROOT, "parity-tests", "golden", "functions");

/** Objects whose keys are all keyword parameters in PySpark (make_timestamp's date/time form). */
const KEYWORD_OBJECT = /^\{\s*date:/;

/** The Python expression for one TS example. */
export function toPython(example: string): string {
  return example
    .replace(/new Uint8Array\(\[([^\]]*)\]\)/g, "bytearray([$1])")
    .replace(/\(([a-z, ]*)\) => ([a-z]+)/g, "lambda $1: $2")
    .replace(/\btrue\b/g, "True")
    .replace(/\bfalse\b/g, "False")
    .replace(/\bnull\b/g, "None")
    .replace(/\(\s*(\{[^{}]*\})\s*\)/g, (call, object: string) =>
      KEYWORD_OBJECT.test(object) ? `(${object.slice(1, -1).replace(/(\w+):\s*/g, "$1=")})` : call,
    )
    .replace(/\{([^{}]*)\}/g, (_, body: string) => `{${body.replace(/(\w+):/g, '"$1":')}}`)
    .replace(/\bsparkSession\./g, "spark.")
    .replace(/(?<![.\w])([a-z_][A-Za-z0-9_]*)\(/g, (match, name: string) =>
      name === "lambda" || name === "bytearray" ? match : `F.${name}(`,
    );
}

const PYTHON = `
import json, sys, warnings
warnings.simplefilter("ignore")
from google.protobuf.json_format import MessageToJson
from pyspark.sql import SparkSession, DataFrame
import pyspark.sql.connect.functions as F
from pyspark.sql.connect.expressions import UnresolvedNamedLambdaVariable

spark = SparkSession.builder.remote(sys.argv[1]).getOrCreate()
results = {}
for case in json.load(sys.stdin):
    UnresolvedNamedLambdaVariable._nextVarNameId = 0
    try:
        value = eval(case["python"], {"F": F, "spark": spark})
        frame = value if isinstance(value, DataFrame) else spark.range(1).select(value)
        plan = json.loads(MessageToJson(frame._plan.to_proto(spark._client)))
        results[case["key"]] = {"example": case["example"], "python": case["python"], "plan": plan}
    except Exception as error:
        results[case["key"]] = {"example": case["example"], "python": case["python"], "error": f"{type(error).__name__}: {error}"}
json.dump(results, sys.stdout)
`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Plan ids renumbered in order of first appearance (they are session counters; only their pattern matters) and
 * `common` blocks that only record a Python call site dropped.
 */
export function normalisePlan(plan: Json): Json {
  const ids = new Map<string, string>();
  const walk = (value: Json, key?: string): Json => {
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (value === null || typeof value !== "object") {
      if (key !== "planId" || typeof value !== "string") return value;
      if (!ids.has(value)) ids.set(value, String(ids.size));
      return ids.get(value)!;
    }
    const out: { [key: string]: Json } = {};
    for (const [name, child] of Object.entries(value)) {
      const callSiteOnly =
        name === "common" &&
        typeof child === "object" &&
        child !== null &&
        !Array.isArray(child) &&
        !("planId" in child);
      if (!callSiteOnly) out[name] = walk(child, name);
    }
    return out;
  };
  return walk(plan);
}

function pythonBinary(): string {
  const env = spawnSync("bash", [join(ROOT, "scripts", "pyspark-env.sh")], { encoding: "utf8" });
  if (env.status !== 0) throw new Error(`scripts/pyspark-env.sh failed: ${env.stderr}`);
  return join(env.stdout.trim(), "bin", "python");
}

function main(): void {
  const remote = process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002";
  const registry = loadRegistry();
  // Builtins with no TypeScript form (Python UDFs) have nothing to compare.
  const supported = registry.functions.filter((entry) => entry.status.spark.state === "supported");
  const cases = supported.flatMap((entry) =>
    entry.examples.map((example, index) => ({
      key: `${entry.name}#${index}`,
      category: entry.category,
      example,
      python: toPython(example),
    })),
  );
  const run = spawnSync(pythonBinary(), ["-c", PYTHON, remote], {
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`PySpark capture failed:\n${run.stderr}`);
  const results = JSON.parse(run.stdout) as Record<string, { error?: string; plan?: Json }>;
  for (const result of Object.values(results)) {
    if (result.plan !== undefined) result.plan = normalisePlan(result.plan);
  }
  mkdirSync(GOLDEN_DIR, { recursive: true });
  const categories = [...new Set(cases.map((c) => c.category))].sort();
  for (const category of categories) {
    const entries = Object.fromEntries(
      cases.filter((c) => c.category === category).map((c) => [c.key, results[c.key]]),
    );
    writeFileSync(join(GOLDEN_DIR, `${category}.json`), `${JSON.stringify(entries, null, 2)}\n`);
  }
  const failed = Object.entries(results).filter(([, result]) => result.error !== undefined);
  for (const [key, result] of failed) console.log(`  not captured: ${key}: ${result.error}`);
  console.log(`golden plans: ${cases.length - failed.length} captured, ${failed.length} not, in ${GOLDEN_DIR}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

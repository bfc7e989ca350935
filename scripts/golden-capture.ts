/**
 * Captures golden plans and results: for every registry example of a builtin PySpark 4.1.1 builds the example's
 * frame over the shared fixture (parity-tests/golden-frame.ts says how), records its plan and, unless the entry's
 * `resultComparison` says `none`, runs it and records the schema and rows (for `schema`, only the analysed schema),
 * or the error it raised. Written to parity-tests/golden/functions/<category>.json; `--category <name>` recaptures
 * one category. Run with a Spark Connect server at SPARK_REMOTE (default sc://127.0.0.1:15002).
 *
 * Examples are written in TypeScript; the small subset they use (calls, strings, numbers, booleans, arrays,
 * arrow functions returning a variable, option objects, `{ date, time }` keyword objects, `new Uint8Array`,
 * `Window` specs, Column and DataFrame methods) is translated to Python here.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  FIXTURE_SQL,
  FIXTURE_SQL_PLACEHOLDER,
  frameShape,
  ORDERED_FRAME_COLUMN,
} from "../parity-tests/golden-frame.js";
import { loadRegistry } from "../registry/load.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const GOLDEN_DIR = join(ROOT, "parity-tests", "golden", "functions");

/** Objects whose keys are all keyword parameters in PySpark (make_timestamp's date/time form). */
const KEYWORD_OBJECT = /^\{\s*date:/;

/** A string literal of an example (double- or single-quoted, with escapes). */
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;

/** Marks where a string literal stood while the code around it is translated; no rule below can match it. */
const placeholder = (index: number) => `§${index}§`;

/** The Python expression for one TS example; string literals pass through untouched (`expr("length(s)")`). */
export function toPython(example: string): string {
  const strings: string[] = [];
  const code = example.replace(STRING_LITERAL, (literal) => placeholder(strings.push(literal) - 1));
  return translateCode(code).replace(/§(\d+)§/g, (_, index: string) => strings[Number(index)]!);
}

function translateCode(code: string): string {
  return code
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
import importlib.util, json, sys, warnings
warnings.simplefilter("ignore")
from google.protobuf.json_format import MessageToJson
from pyspark.sql import SparkSession, DataFrame
from pyspark.sql.window import Window
import pyspark.sql.connect.functions as F
from pyspark.sql.connect.expressions import UnresolvedNamedLambdaVariable

# The lossless value encoding the PySpark test runner uses (test/support/pyspark.ts documents it).
spec = importlib.util.spec_from_file_location("pyspark_runner", sys.argv[2])
runner = importlib.util.module_from_spec(spec)
spec.loader.exec_module(runner)
runner.quiet_query_context_loggers()

def describe(error):
    return f"{type(error).__name__}: " + (str(error).splitlines() or [""])[0]

spark = SparkSession.builder.remote(sys.argv[1]).getOrCreate()
request = json.load(sys.stdin)
fixture = spark.sql(request["fixtureSql"])
results = {}
for case in request["cases"]:
    UnresolvedNamedLambdaVariable._nextVarNameId = 0
    golden = {"example": case["example"], "python": case["python"]}
    results[case["key"]] = golden
    try:
        value = eval(case["python"], {"F": F, "spark": spark, "Window": Window})
        if isinstance(value, DataFrame):
            frame = value
        elif case["shape"] == "orderBy":
            frame = fixture.orderBy(value).select(request["orderedColumn"])
        else:
            frame = fixture.select(value)
        golden["plan"] = json.loads(MessageToJson(frame._plan.to_proto(spark._client)))
    except Exception as error:
        golden["error"] = describe(error)
        continue
    if case["compare"] == "none":
        continue
    try:
        if case["compare"] == "values":
            golden["result"] = runner.encode(frame)["$dataframe"]
        else:
            # Types only: Spark's analysis gives them, so values PySpark cannot collect (intervals) need not run.
            golden["result"] = {"schema": json.loads(frame.schema.json())}
    except Exception as error:
        golden["error"] = describe(error)
json.dump(results, sys.stdout, allow_nan=False)
`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Plan ids and server-side relation ids (a checkpoint's random UUID) renumbered in order of first appearance
 * (only their pattern matters) and `common` blocks that only record a Python call site dropped.
 */
export function normalisePlan(plan: Json): Json {
  const ids = new Map<string, string>();
  const relationIds = new Map<string, string>();
  const walk = (value: Json, key?: string): Json => {
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (value === null || typeof value !== "object") {
      if (typeof value !== "string") return value;
      if (key === "planId") {
        if (!ids.has(value)) ids.set(value, String(ids.size));
        return ids.get(value)!;
      }
      if (key === "relationId") {
        if (!relationIds.has(value)) relationIds.set(value, `relation-${relationIds.size}`);
        return relationIds.get(value)!;
      }
      return value;
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

/** What is stored for one example: the plan, the result (unless not compared), or why PySpark failed. */
export interface Golden {
  example: string;
  python: string;
  plan?: Json;
  /** `df.schema.json()` parsed and, when values are compared, the rows in test/support/pyspark.ts's encoding. */
  result?: { schema: Json; rows?: Json[][] };
  error?: string;
}

/** The fixture's SQL text replaced by a placeholder wherever a plan carries it (see parity-tests/golden-frame.ts). */
export function withFixturePlaceholder(plan: Json, fixtureSql: string, placeholder: string): Json {
  if (plan === fixtureSql) return placeholder;
  if (Array.isArray(plan)) return plan.map((item) => withFixturePlaceholder(item, fixtureSql, placeholder));
  if (plan === null || typeof plan !== "object") return plan;
  return Object.fromEntries(
    Object.entries(plan).map(([key, value]) => [key, withFixturePlaceholder(value, fixtureSql, placeholder)]),
  );
}

/** Stands for -0 while stringifying: JSON.stringify writes -0 as 0, and a result of -0.0 must stay -0.0. */
const NEGATIVE_ZERO = "\u2212zero\u2212";

/** A golden file's text: indented JSON in which -0 stays -0 (JSON.parse reads `-0` back as -0). */
export function goldenFileText(value: unknown): string {
  const text = JSON.stringify(value, (_, item: unknown) => (Object.is(item, -0) ? NEGATIVE_ZERO : item), 2);
  return `${text.replaceAll(JSON.stringify(NEGATIVE_ZERO), "-0")}\n`;
}

/** `--category <name>` (repeatable) limits the capture to those categories; none means all. */
export function requestedCategories(argv: readonly string[]): string[] {
  const names: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    if (argv[index] !== "--category") throw new Error(`unknown argument ${argv[index]}; use --category <name>`);
    const name = argv[++index];
    if (name === undefined) throw new Error("--category needs a category name");
    names.push(name);
  }
  return names;
}

function main(): void {
  const started = performance.now();
  const remote = process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002";
  const only = requestedCategories(process.argv.slice(2));
  const registry = loadRegistry();
  const unknown = only.filter((name) => !registry.functions.some((entry) => entry.category === name));
  if (unknown.length > 0) throw new Error(`no builtins in categories ${unknown.join(", ")}`);
  // Builtins with no TypeScript form (Python UDFs) have nothing to compare.
  const supported = registry.functions.filter(
    (entry) => entry.status.spark.state === "supported" && (only.length === 0 || only.includes(entry.category)),
  );
  const cases = supported.flatMap((entry) =>
    entry.examples.map((example, index) => ({
      key: `${entry.name}#${index}`,
      category: entry.category,
      example,
      python: toPython(example),
      shape: frameShape(entry.category),
      compare: entry.resultComparison?.compare ?? "values",
    })),
  );
  const run = spawnSync(pythonBinary(), ["-c", PYTHON, remote, join(ROOT, "scripts", "lib", "pyspark-runner.py")], {
    input: JSON.stringify({ fixtureSql: FIXTURE_SQL, orderedColumn: ORDERED_FRAME_COLUMN, cases }),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    // PySpark turns TIMESTAMP values into naive datetimes in the process's zone: UTC keeps them unambiguous.
    env: { ...process.env, TZ: "UTC" },
  });
  if (run.status !== 0) throw new Error(`PySpark capture failed:\n${run.stderr}`);
  const results = JSON.parse(run.stdout) as Record<string, Golden>;
  for (const result of Object.values(results)) {
    if (result.plan !== undefined) {
      result.plan = withFixturePlaceholder(normalisePlan(result.plan), FIXTURE_SQL, FIXTURE_SQL_PLACEHOLDER);
    }
  }
  mkdirSync(GOLDEN_DIR, { recursive: true });
  const categories = [...new Set(cases.map((c) => c.category))].sort();
  for (const category of categories) {
    const entries = Object.fromEntries(
      cases.filter((c) => c.category === category).map((c) => [c.key, results[c.key]]),
    );
    writeFileSync(join(GOLDEN_DIR, `${category}.json`), goldenFileText(entries));
  }
  const failed = Object.entries(results).filter(([, result]) => result.error !== undefined);
  for (const [key, result] of failed) console.log(`  not captured: ${key}: ${result.error}`);
  const withResult = Object.values(results).filter((result) => result.result !== undefined).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `golden: ${cases.length} examples in ${categories.length} categories, ${withResult} results captured, ` +
      `${failed.length} failed, in ${seconds} s (${GOLDEN_DIR})`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

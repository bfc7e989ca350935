/**
 * Captures member goldens: PySpark 4.1.1 runs the Python form of every class-member example in the registry
 * (registry/class-examples) against the Spark Connect server at SPARK_REMOTE (default sc://127.0.0.1:15002),
 * over the parity fixture, and records per example: the plans it sent to ExecutePlan, what it printed, the plan
 * of the DataFrame (or Column, selected from the fixture) it returned, and its result in the lossless JSON of
 * scripts/lib/pyspark-runner.py. An example's `setup` runs first, unrecorded; each example gets a fresh empty
 * output directory (`out`), named by a placeholder in the golden, as is the data directory. Written to
 * parity-tests/golden/members/<class>.json; class names as arguments capture only those classes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { kebabCase } from "../generator/model/identifiers.js";
import { loadRegistry } from "../registry/load.js";
import { normalisePlan } from "./golden-capture.js";
import { FILES_PLACEHOLDER, MEMBER_FILES_DIR, OUT_PLACEHOLDER, OUT_PREFIX } from "./lib/member-golden-paths.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const GOLDEN_DIR = join(ROOT, "parity-tests", "golden", "members");

const PYTHON = `
import contextlib, importlib.util, io, json, shutil, sys, tempfile, warnings
import grpc
warnings.simplefilter("ignore")
from google.protobuf.json_format import MessageToJson
from pyspark.errors import PySparkException
from pyspark.sql import Column, DataFrame, Observation, SparkSession, Window
import pyspark.sql.connect.functions as F
import pyspark.sql.types as T

remote, runner_path, fixture_path, files, files_placeholder, out_prefix, out_placeholder = sys.argv[1:8]
spec = importlib.util.spec_from_file_location("pyspark_runner", runner_path)
runner = importlib.util.module_from_spec(spec)
spec.loader.exec_module(runner)
fixture_sql = open(fixture_path).read()

spark = SparkSession.builder.remote(remote).getOrCreate()
sent = []
client = spark.client
original = client._execute_and_fetch_as_iterator
def recording(request, *args, **kwargs):
    sent.append(request.plan)
    return original(request, *args, **kwargs)
client._execute_and_fetch_as_iterator = recording
# Function registrations (register_java and the like) send their command through _execute instead.
original_execute = client._execute
def recording_execute(request, *args, **kwargs):
    sent.append(request.plan)
    return original_execute(request, *args, **kwargs)
client._execute = recording_execute

def plan_json(plan):
    return json.loads(MessageToJson(plan))

def with_placeholders(record, out):
    """The example's fresh output directory and the checkout's data directory differ per run: placeholders."""
    return json.loads(json.dumps(record).replace(out, out_placeholder).replace(files, files_placeholder))

results = {}
for case in json.load(sys.stdin):
    record = {"ts": case["ts"], "python": case["python"]}
    if case.get("expectedError") is not None:
        record["expectedError"] = case["expectedError"]
    out = tempfile.mkdtemp(prefix=out_prefix)
    try:
        df = spark.sql(fixture_sql)
        scope = {"spark": spark, "df": df, "F": F, "T": T, "Window": Window, "Observation": Observation, "SparkSession": SparkSession,
                 "remote": remote, "files": files, "out": out}
        if case.get("setup") is not None:
            eval(case["setup"], scope)
        sent.clear()
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                value = eval(case["python"], scope)
        finally:
            # Kept when the server refuses the command too: what was sent is still the golden.
            record["executed"] = [plan_json(plan) for plan in sent]
        if printed.getvalue():
            record["printed"] = printed.getvalue()
        if isinstance(value, Column):
            value = df.select(value)
        if isinstance(value, DataFrame):
            record["plan"] = plan_json(value._plan.to_proto(spark.client))
        record["result"] = runner.encode(value)
    except PySparkException as error:
        record["error"] = runner.encode_error(error)
    except grpc.RpcError as error:
        # PySpark's artifact uploads (addArtifacts, copyFromLocalToFs) let the raw gRPC error through, skipping
        # the conversion every other call applies; applied here, it records the error class the server sent.
        try:
            spark.client._handle_rpc_error(error)
        except PySparkException as converted:
            record["error"] = runner.encode_error(converted)
    except Exception as error:
        record["error"] = {"$error": {"type": type(error).__name__, "message": str(error).splitlines()[0]}}
    shutil.rmtree(out, ignore_errors=True)
    results[case["key"]] = with_placeholders(record, out)
json.dump(results, sys.stdout)
`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Captured {
  ts: string;
  python: string;
  executed?: Json[];
  printed?: string;
  plan?: Json;
  result?: Json;
  error?: Json;
  expectedError?: string;
}

/** Without error, or with exactly the error class the example expects. */
function capturedAsExpected(result: Captured): boolean {
  if (result.error === undefined) return result.expectedError === undefined;
  const error = result.error as { $error?: { errorClass?: string | null } };
  return result.expectedError !== undefined && error.$error?.errorClass === result.expectedError;
}

function pythonBinary(): string {
  const env = spawnSync("bash", [join(ROOT, "scripts", "pyspark-env.sh")], { encoding: "utf8" });
  if (env.status !== 0) throw new Error(`scripts/pyspark-env.sh failed: ${env.stderr}`);
  return join(env.stdout.trim(), "bin", "python");
}

function main(): void {
  const remote = process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002";
  const registry = loadRegistry();
  const supported = new Set(
    registry.classes.flatMap((entry) =>
      entry.members.filter((m) => m.status.spark.state === "supported").map((m) => `${entry.name}.${m.name}`),
    ),
  );
  // Class names on the command line capture only those classes (their golden files are rewritten whole).
  const only = new Set(process.argv.slice(2));
  const cases = registry.classExamples
    .filter((examples) => only.size === 0 || only.has(examples.className))
    .flatMap((examples) =>
      Object.entries(examples.members)
        .filter(([member]) => supported.has(`${examples.className}.${member}`))
        .flatMap(([member, list]) =>
          list.map((example, index) => ({
            key: `${examples.className}.${member}#${index}`,
            className: examples.className,
            ts: example.ts,
            python: example.python,
            setup: example.setup?.python,
            expectedError: example.expectedError,
          })),
        ),
    );
  const run = spawnSync(
    pythonBinary(),
    [
      "-c",
      PYTHON,
      remote,
      join(ROOT, "scripts", "lib", "pyspark-runner.py"),
      join(ROOT, "parity-tests", "fixture.sql"),
      MEMBER_FILES_DIR,
      FILES_PLACEHOLDER,
      OUT_PREFIX,
      OUT_PLACEHOLDER,
    ],
    { input: JSON.stringify(cases), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`PySpark capture failed:\n${run.stderr}`);
  const results = JSON.parse(run.stdout) as Record<string, Captured>;
  for (const result of Object.values(results)) {
    if (result.executed !== undefined) result.executed = result.executed.map(normalisePlan);
    if (result.plan !== undefined) result.plan = normalisePlan(result.plan);
  }
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const className of [...new Set(cases.map((c) => c.className))].sort()) {
    const entries = Object.fromEntries(
      cases.filter((c) => c.className === className).map((c) => [c.key, results[c.key]]),
    );
    writeFileSync(join(GOLDEN_DIR, `${kebabCase(className)}.json`), `${JSON.stringify(entries, null, 2)}\n`);
  }
  const failed = Object.entries(results).filter(([, result]) => !capturedAsExpected(result));
  for (const [key, result] of failed) console.log(`  failed on PySpark: ${key}: ${JSON.stringify(result.error)}`);
  console.log(`member goldens: ${cases.length - failed.length} captured, ${failed.length} failed, in ${GOLDEN_DIR}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

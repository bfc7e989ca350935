/**
 * The TPC-H benchmark: `npm run bench -- [--sf 0.1] [--runs 3] [--queries 1,6,14] [--engines local1,local2,duckdb,spark]`.
 * Generates the data if missing, runs every query on every engine (each query N times after the first answer),
 * checks each engine's answer against DuckDB's (or the first engine's), and prints median times, ratios to DuckDB
 * and geometric means. A query that fails on an engine is reported with its error; the run goes on.
 */
import { existsSync } from "node:fs";
import { compareAnswers, type Rows } from "./tpch/answers.js";
import { duckdbEngine, type Engine, localEngine, sparkEngine } from "./tpch/engines.js";
import { dataDir, generate } from "./tpch/generate.js";

interface Options {
  sf: number;
  runs: number;
  queries: number[];
  engines: string[];
  remote: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    sf: 0.1,
    runs: 3,
    queries: Array.from({ length: 22 }, (_, i) => i + 1),
    engines: ["local1", "local2", "duckdb", "spark"],
    remote: process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002",
  };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${argv[i]} needs a value`);
    switch (argv[i]) {
      case "--sf":
        options.sf = Number(value);
        break;
      case "--runs":
        options.runs = Number(value);
        break;
      case "--queries":
        options.queries = value.split(",").map(Number);
        break;
      case "--engines":
        options.engines = value.split(",");
        break;
      case "--remote":
        options.remote = value;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return options;
}

async function openEngine(name: string, options: Options, dir: string): Promise<Engine> {
  if (name === "duckdb") return duckdbEngine(dir);
  if (name === "spark") return sparkEngine(options.remote, dir);
  const threads = /^local(\d+)$/.exec(name)?.[1];
  if (threads === undefined) throw new Error(`unknown engine ${name} (local1, local2, duckdb, spark)`);
  return localEngine(Number(threads), dir);
}

/** Wall time, and CPU time of this process (all its threads; for a remote engine only the client's share). */
type Outcome = { ms: number; cpuMs: number; rows: Rows } | { error: string };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function measure(engine: Engine, query: number, runs: number): Promise<Outcome> {
  try {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let rows: Rows = [];
    for (let r = 0; r < Math.max(1, runs); r++) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      rows = await engine.run(query);
      const cpu = process.cpuUsage(cpuBefore);
      times.push(performance.now() - started);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    return { ms: median(times), cpuMs: median(cpuTimes), rows };
  } catch (error) {
    const text = error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
    return { error: text.split("\n")[0]?.slice(0, 160) ?? text };
  }
}

const geomean = (xs: number[]): number => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dir = dataDir(options.sf);
  if (!existsSync(dir)) generate(options.sf);
  const results = new Map<string, Map<number, Outcome>>();
  for (const name of options.engines) {
    let engine: Engine;
    try {
      engine = await openEngine(name, options, dir);
    } catch (error) {
      console.log(`${name}: cannot start (${String(error)})`);
      continue;
    }
    const outcomes = new Map<number, Outcome>();
    for (const q of options.queries) {
      const outcome = await measure(engine, q, options.runs);
      outcomes.set(q, outcome);
      console.error(
        `${name} q${q}: ${"ms" in outcome ? `${fmt(outcome.ms)} (CPU ${fmt(outcome.cpuMs)})` : outcome.error}`,
      );
    }
    results.set(name, outcomes);
    await engine.close().catch(() => undefined);
  }
  report(options, results, "ms");
  // On a shared, loaded machine wall times swing with the neighbours; CPU time (summed over threads) does not.
  report(options, results, "cpuMs");
}

function report(options: Options, results: Map<string, Map<number, Outcome>>, metric: "ms" | "cpuMs"): void {
  const names = [...results.keys()].filter((n) => metric === "ms" || n !== "spark");
  const reference = results.has("duckdb") ? "duckdb" : names[0];
  const what = metric === "ms" ? "wall time" : "CPU time of this process (Spark left out: it runs elsewhere)";
  console.log(`\nTPC-H SF ${options.sf}, ${what}, median of ${options.runs} runs; ratio = time / ${reference}`);
  console.log(["query", ...names.map((n) => n.padStart(22))].join(" | "));
  const failures: string[] = [];
  const ratios = new Map<string, number[]>(names.map((n) => [n, []]));
  for (const q of options.queries) {
    const ref = reference === undefined ? undefined : results.get(reference)?.get(q);
    const cells = names.map((name) => {
      const outcome = results.get(name)?.get(q);
      if (outcome === undefined || "error" in outcome) {
        failures.push(`q${q} ${name}: ${outcome === undefined ? "not run" : outcome.error}`);
        return "FAILED".padStart(22);
      }
      let mark = "";
      if (ref !== undefined && "rows" in ref && name !== reference) {
        const diff = compareAnswers(ref.rows, outcome.rows);
        if (diff !== null) {
          failures.push(`q${q} ${name}: answer differs from ${reference}: ${diff}`);
          mark = " ≠";
        }
      }
      const ratio = ref !== undefined && "ms" in ref ? outcome[metric] / ref[metric] : Number.NaN;
      if (Number.isFinite(ratio) && mark === "") ratios.get(name)?.push(ratio);
      return `${fmt(outcome[metric])} (${ratio.toFixed(1)}×)${mark}`.padStart(22);
    });
    console.log([`q${String(q).padStart(2, "0")}  `, ...cells].join(" | "));
  }
  console.log(
    [
      "geomean",
      ...names.map((n) => {
        const rs = ratios.get(n) ?? [];
        return (rs.length === 0 ? "-" : `${geomean(rs).toFixed(2)}× over ${rs.length}`).padStart(22);
      }),
    ].join(" | "),
  );
  if (failures.length > 0 && metric === "ms")
    console.log(`\nFailures and differences:\n${failures.map((f) => `  ${f}`).join("\n")}`);
}

await main();

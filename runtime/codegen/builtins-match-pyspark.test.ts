/**
 * Golden expressions without a server: every generated builtin, called with the sample arguments the registry
 * sync gave PySpark 4.1.1, must build the very Expression PySpark built (registry/upstream/*-expressions.json).
 */
import { readFileSync } from "node:fs";
import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import * as functions from "../../generated/functions/index.js";
import { ExpressionSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import { loadRegistry } from "../../registry/load.js";
import { Column } from "../api/column.js";
import { col } from "../api/functions.js";
import { resetLambdaVariableIds } from "./lambda-function.js";

type ProbeArg =
  | { readonly name: string }
  | { readonly column: string }
  | { readonly literal: unknown }
  | { readonly lambda: number };

interface Probe {
  readonly call: string;
  readonly args?: readonly ProbeArg[];
  readonly expression?: unknown;
  readonly error?: string;
}

const probes = JSON.parse(
  readFileSync(new URL("../../registry/upstream/pyspark-4.1.1-expressions.json", import.meta.url), "utf8"),
) as Record<string, { required: Probe; all?: Probe }>;

const builtins = functions as unknown as Record<string, (...args: unknown[]) => unknown>;
const registry = loadRegistry();

/** Differences we know of, each with its reason; these run as expected failures. */
const KNOWN_DIFFERENCES: Record<string, string> = {};

function replay(arg: ProbeArg): unknown {
  if ("name" in arg) return arg.name;
  if ("column" in arg) return col(arg.column);
  if ("lambda" in arg) {
    const variables = ["x", "y", "z"].slice(0, arg.lambda);
    // A lambda returning its last variable, as the sync's `lambda x, y: y`.
    return new Function(...variables, `return ${variables.at(-1)};`);
  }
  return arg.literal;
}

/** Random seeds differ on every call; both sides get the same placeholder. */
function maskSeed(json: unknown): unknown {
  const call = (json as { unresolved_function?: { arguments?: unknown[] } }).unresolved_function;
  if (call?.arguments === undefined) return json;
  const args = [...call.arguments];
  args[args.length - 1] = "<random seed>";
  return { unresolved_function: { ...call, arguments: args } };
}

describe("generated builtins build the Expression PySpark 4.1.1 builds", () => {
  for (const entry of registry.functions) {
    const entryProbes = probes[entry.name];
    if (entryProbes === undefined) continue;
    for (const [mode, probe] of Object.entries(entryProbes) as [string, Probe][]) {
      if (probe.error !== undefined || probe.args === undefined) continue;
      const knownDifference = KNOWN_DIFFERENCES[`${entry.name}/${mode}`];
      const test = knownDifference === undefined ? it : it.fails;
      test(`${probe.call}${knownDifference === undefined ? "" : ` (known: ${knownDifference})`}`, () => {
        resetLambdaVariableIds();
        const built = builtins[entry.name]!(...probe.args!.map(replay));
        expect(built).toBeInstanceOf(Column);
        let actual: unknown = toJson(ExpressionSchema, (built as Column).expr, { useProtoFieldName: true });
        let expected = probe.expression;
        const seeded = mode === "required" && entry.args.some((arg) => arg.randomSeedWhenOmitted);
        if (seeded) {
          actual = maskSeed(actual);
          expected = maskSeed(expected);
        }
        expect(actual).toEqual(expected);
      });
    }
  }
});

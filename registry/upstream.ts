/**
 * The machine-made pyspark snapshot (`npm run registry:sync`), validated, plus the set difference against the
 * registry that the coverage test and report share.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Registry } from "./load.js";

export const PYSPARK_VERSION = "4.1.1";

const parameterSchema = z.looseObject({ name: z.string(), kind: z.string(), type: z.string().optional() });
const functionSchema = z.looseObject({ params: z.array(parameterSchema), since: z.string().optional() });
const memberSchema = z.looseObject({ kind: z.string(), dunder: z.boolean().optional() });

export const snapshotSchema = z.looseObject({
  pyspark: z.string(),
  functionCount: z.number().int(),
  functions: z.record(z.string(), functionSchema),
  classes: z.record(z.string(), z.looseObject({ members: z.record(z.string(), memberSchema) })),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** Reads and validates registry/upstream/pyspark-<version>.json. */
export function loadSnapshot(version = PYSPARK_VERSION): Snapshot {
  const url = new URL(`./upstream/pyspark-${version}.json`, import.meta.url);
  const snapshot = snapshotSchema.parse(JSON.parse(readFileSync(url, "utf8")));
  if (Object.keys(snapshot.functions).length !== snapshot.functionCount) {
    throw new Error(`snapshot ${url.pathname}: functionCount does not match the functions listed`);
  }
  return snapshot;
}

export interface NameDrift {
  /** In pyspark but neither in the registry nor excluded with a reason. */
  readonly missing: readonly string[];
  /** In the registry (or its exclusions) but not in pyspark. */
  readonly unknown: readonly string[];
}

function difference(left: Iterable<string>, right: ReadonlySet<string>): string[] {
  return [...left].filter((name) => !right.has(name)).sort();
}

export function functionDrift(registry: Registry, snapshot: Snapshot): NameDrift {
  const registered = new Set(registry.functions.map((entry) => entry.name));
  const upstream = new Set(Object.keys(snapshot.functions));
  return { missing: difference(upstream, registered), unknown: difference(registered, upstream) };
}

/** Per class: members in the snapshot versus members plus exclusions in the registry. */
export function classDrift(registry: Registry, snapshot: Snapshot): Map<string, NameDrift> {
  const drift = new Map<string, NameDrift>();
  const names = new Set([...Object.keys(snapshot.classes), ...registry.classes.map((entry) => entry.name)]);
  for (const name of [...names].sort()) {
    const entry = registry.classes.find((candidate) => candidate.name === name);
    const registered = new Set([...(entry?.members ?? []), ...(entry?.excluded ?? [])].map((member) => member.name));
    const upstream = new Set(Object.keys(snapshot.classes[name]?.members ?? {}));
    drift.set(name, { missing: difference(upstream, registered), unknown: difference(registered, upstream) });
  }
  return drift;
}

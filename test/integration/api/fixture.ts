/** Shared helpers for the DataFrame API integration tests: a session on the test server, plan normalisation. */
import { toJson } from "@bufbuild/protobuf";
import { PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { queryPlan } from "../../../runtime/plan/plans.js";
import { sparkRemote } from "../../support/session-url.js";

/** A new session on the plain Spark 4.1.1 test server. */
export async function testSession(): Promise<SparkSession> {
  return SparkSession.builder().remote(sparkRemote()).create();
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A plan's JSON made comparable across clients: plan ids and server-side relation ids (a checkpoint's random
 * UUID) renumbered in order of first appearance (only their pattern matters) and expression `common` blocks
 * dropped (PySpark records Python call sites there).
 */
export function normalisePlanJson(plan: Json): Json {
  const ids = new Map<string, string>();
  const relationIds = new Map<string, string>();
  const walk = (value: Json, key?: string): Json => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value === null || typeof value !== "object") {
      if (key === "planId" && typeof value === "string") {
        if (!ids.has(value)) ids.set(value, String(ids.size));
        return ids.get(value) ?? value;
      }
      if (key === "relationId" && typeof value === "string") {
        if (!relationIds.has(value)) relationIds.set(value, `relation-${relationIds.size}`);
        return relationIds.get(value) ?? value;
      }
      return value;
    }
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      if (
        k === "common" &&
        typeof v === "object" &&
        v !== null &&
        !Array.isArray(v) &&
        "origin" in v &&
        !("planId" in v)
      )
        continue;
      out[k] = walk(v, k);
    }
    return out;
  };
  return walk(plan);
}

/** Our plan for `df`, as normalised JSON. */
export function planJson(df: DataFrame): Json {
  return normalisePlanJson(toJson(PlanSchema, queryPlan(df.relation)) as Json);
}

/** A PySpark plan emitted as `MessageToJson(...)` text, normalised. */
export function pysparkPlanJson(text: unknown): Json {
  if (typeof text !== "string") throw new Error(`expected PySpark plan JSON text, got ${typeof text}`);
  return normalisePlanJson(JSON.parse(text) as Json);
}

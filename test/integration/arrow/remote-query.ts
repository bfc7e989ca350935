/** Small helpers for the arrow integration tests: a `spark.sql` plan and the TIME preview flag. */
import { create } from "@bufbuild/protobuf";
import { type Plan, PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { Backend } from "../../../runtime/backend.js";

/** A Plan whose root is a `sql` relation, exactly what `spark.sql(text)` sends. */
export function sqlPlan(query: string): Plan {
  return create(PlanSchema, { opType: { case: "root", value: { relType: { case: "sql", value: { query } } } } });
}

/** Session configs through the Config RPC. */
export async function setConfigs(backend: Backend, pairs: Record<string, string>): Promise<void> {
  await backend.config({
    opType: { case: "set", value: { pairs: Object.entries(pairs).map(([key, value]) => ({ key, value })) } },
  });
}

/** TIME results are refused by Spark 4.1.1 (UNSUPPORTED_TIME_TYPE) unless this preview flag is on. */
export const TIME_TYPE_ENABLED = { "spark.sql.timeType.enabled": "true" };

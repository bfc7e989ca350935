/** Status values shared by registry entries, so a flip is a one-word edit. */
import type { BackendStatus } from "./schema.js";

export const supported: BackendStatus = { state: "supported" };

/** The default local status until the engine implements an entry. */
export const notInEngineYet: BackendStatus = { state: "gap", reason: "embedded engine does not implement it yet" };

/** A local gap naming what the engine is missing. */
export function notInEngine(missing: string): BackendStatus {
  return { state: "gap", reason: `embedded engine lacks ${missing}` };
}

/** The default Spark status of a class member until runtime/api implements it. */
export const notImplementedYet: BackendStatus = {
  state: "gap",
  reason: "no hand-written implementation in runtime/api yet",
};

/** A local gap where the engine runs the function but its answer differs from Spark's; says how. */
export function localDiffers(difference: string): BackendStatus {
  return { state: "gap", reason: `embedded engine differs from Spark: ${difference}` };
}

/** Status values shared by registry entries, so a flip is a one-word edit. */
import type { BackendStatus } from "./schema.js";

export const supported: BackendStatus = { state: "supported" };

/** The default local status until the engine implements an entry. */
export const notInEngineYet: BackendStatus = { state: "gap", reason: "embedded engine does not implement it yet" };

/** The default Spark status of a class member until runtime/api implements it. */
export const notImplementedYet: BackendStatus = {
  state: "gap",
  reason: "no hand-written implementation in runtime/api yet",
};

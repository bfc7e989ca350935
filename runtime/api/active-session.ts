/**
 * The process-wide default session and the active session, as PySpark's Connect client keeps them: the first
 * session a builder creates becomes both (when none is set), `getOrCreate` hands back the active one, then the
 * default one, and stopping a session clears whichever of the two it is. PySpark's active session is per
 * thread; a JS program has one thread of control, so here it is per process.
 */
import type { SparkSession } from "./session.js";

let defaultSession: SparkSession | undefined;
let activeSession: SparkSession | undefined;

/** Makes `session` the default and the active session, where those are not set yet. */
export function setDefaultAndActiveSession(session: SparkSession): void {
  defaultSession ??= session;
  activeSession ??= session;
}

export function activeSessionIfLive(): SparkSession | undefined {
  return activeSession !== undefined && !activeSession.isStopped ? activeSession : undefined;
}

export function defaultSessionIfLive(): SparkSession | undefined {
  return defaultSession !== undefined && !defaultSession.isStopped ? defaultSession : undefined;
}

/** Called when `session` stops, so it is never handed out again. */
export function forgetSession(session: SparkSession): void {
  if (defaultSession === session) defaultSession = undefined;
  if (activeSession === session) activeSession = undefined;
}

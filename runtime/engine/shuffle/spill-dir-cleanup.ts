/**
 * Spill directories still on disk when the process exits (a session never stopped) are removed on the way out,
 * as Spark's shutdown hook deletes its block manager directories. Only the main thread's exit runs this: a worker
 * thread's directories are tracked here by the driver, which learns them from map statuses.
 */
import { rmSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const live = new Set<string>();
let hooked = false;

function removeAll(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

export function trackSpillDir(dir: string): void {
  if (!isMainThread) return;
  live.add(dir);
  if (!hooked) {
    hooked = true;
    process.once("exit", removeAll);
  }
}

/** Removes a spill directory now (its store was cleared or its executor is gone). */
export function removeSpillDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}

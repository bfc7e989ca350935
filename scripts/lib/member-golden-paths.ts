/**
 * The directories member examples read from and write to, and the placeholders that stand for them in the
 * goldens, shared by the capture script and the member golden test so both normalise the same way.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The small data files reader examples read (the `files` scope name); the server runs on this machine. */
export const MEMBER_FILES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "parity-tests", "files");
/** What stands for MEMBER_FILES_DIR in a golden: the checkout's location varies. */
export const FILES_PLACEHOLDER = "$FILES";
/** What stands for an example's fresh output directory (the `out` scope name) in its golden. */
export const OUT_PLACEHOLDER = "$OUT";
/** The prefix of every example's output directory, under the system's temporary directory. */
export const OUT_PREFIX = "sparkts-member-out-";

/** A fresh empty directory for one example to write to. */
export function freshOutDir(): string {
  return mkdtempSync(join(tmpdir(), OUT_PREFIX));
}

/** A JSON value with the example's output directory and the data directory replaced by their placeholders. */
export function withPlaceholders<T>(value: T, out: string): T {
  const text = JSON.stringify(value) ?? "null";
  return JSON.parse(text.replaceAll(out, OUT_PLACEHOLDER).replaceAll(MEMBER_FILES_DIR, FILES_PLACEHOLDER)) as T;
}

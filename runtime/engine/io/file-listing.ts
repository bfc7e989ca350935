/**
 * Turns the paths of a read into the data files to scan, as Spark's file index does: directories are walked
 * recursively, names starting with `_` or `.` (such as `_SUCCESS` and checksum files) are skipped, and a missing
 * path is an AnalysisException naming it.
 */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";

export interface DataFile {
  /** Absolute path of the file. */
  readonly path: string;
  readonly size: number;
  /** The root path the file was found under (partition directories are relative to it). */
  readonly root: string;
}

const hidden = (name: string): boolean => name.startsWith("_") || name.startsWith(".");

/** Accepts plain paths and `file:` URIs (what Spark prints and users copy back). */
export function localPath(path: string): string {
  if (path.startsWith("file:")) return path.startsWith("file://") ? fileURLToPath(path) : path.slice(5);
  return resolve(path);
}

export function listDataFiles(paths: readonly string[]): DataFile[] {
  const files: DataFile[] = [];
  for (const given of paths) {
    const root = localPath(given);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(root);
    } catch {
      throw sparkError(AnalysisException, "PATH_NOT_FOUND", "42K03", `Path does not exist: file:${root}.`, {
        path: `file:${root}`,
      });
    }
    if (stats.isFile()) files.push({ path: root, size: stats.size, root: root.slice(0, root.lastIndexOf("/")) });
    else walk(root, root, files);
  }
  return files;
}

function walk(dir: string, root: string, out: DataFile[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (hidden(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else if (entry.isFile()) out.push({ path: full, size: statSync(full).size, root });
  }
}

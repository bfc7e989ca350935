/**
 * `spark.addArtifacts(...)` and `spark.copyFromLocalToFs(...)`: local files become named artifacts of the
 * session, following PySpark's naming so the server files them the same way: `jars/x.jar` (on the session's
 * class path), `files/<name>` (`file: true`, like SparkContext.addFile), `archives/<name>[#alias]`
 * (`archive: true`, unpacked on the executors), `pyfiles/<name>` (`pyfile: true`), and
 * `forward_to_fs<dest path>` for a file the server copies to its file system.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Artifact } from "../backend.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";

/** What kind of artifact the paths are; at most one may be set (neither means a jar). */
export interface ArtifactKindOptions {
  readonly pyfile?: boolean;
  readonly archive?: boolean;
  readonly file?: boolean;
}

const PYFILE_SUFFIXES = [".zip", ".egg", ".jar"];
const ARCHIVE_SUFFIXES = [".zip", ".jar", ".tar.gz", ".tgz", ".tar"];
const URI_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

function unsupported(operation: string): ClientArgumentError {
  return new ClientArgumentError(`${operation} is not supported.`, {
    errorClass: "UNSUPPORTED_OPERATION",
    messageParameters: { operation },
  });
}

/** Splits `addArtifacts`' arguments: paths first, then an optional options object, as in PySpark's keywords. */
export function splitArtifactArguments(args: readonly unknown[]): { paths: string[]; kind: ArtifactKindOptions } {
  const last = args.at(-1);
  const hasOptions = typeof last === "object" && last !== null;
  const paths = hasOptions ? args.slice(0, -1) : [...args];
  for (const path of paths) {
    if (typeof path !== "string") {
      throw new ClientArgumentError(`artifact paths must be strings, got ${describeType(path)}.`, {
        errorClass: "NOT_STR",
        messageParameters: { arg_name: "path", arg_type: describeType(path) },
      });
    }
  }
  const kind = (hasOptions ? last : {}) as ArtifactKindOptions;
  const chosen = [kind.file, kind.pyfile, kind.archive].filter((flag) => flag === true).length;
  if (chosen > 1) {
    throw new ClientArgumentError("'pyfile', 'archive' and/or 'file' cannot be True together.", {
      errorClass: "INVALID_MULTIPLE_ARGUMENT_CONDITIONS",
      messageParameters: { arg_names: "'pyfile', 'archive' and/or 'file'", condition: "True together" },
    });
  }
  return { paths: paths as string[], kind };
}

/** The local file a path or `file:` URI names, and its `#fragment` (an archive's alias), if any. */
function localFileOf(pathOrUri: string): { localPath: string; fragment: string } {
  const scheme = URI_SCHEME.exec(pathOrUri)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "file") throw unsupported(`${scheme} scheme`);
  const hash = pathOrUri.indexOf("#");
  const fragment = hash < 0 ? "" : pathOrUri.slice(hash + 1);
  const withoutFragment = hash < 0 ? pathOrUri : pathOrUri.slice(0, hash);
  const localPath = scheme === "file" ? fileURLToPath(withoutFragment) : resolve(decodeURI(withoutFragment));
  return { localPath, fragment };
}

/** The artifact name for one path, by PySpark's rules (the kind flags win over the extension, except jars). */
export function artifactName(pathOrUri: string, kind: ArtifactKindOptions): { name: string; localPath: string } {
  const { localPath, fragment } = localFileOf(pathOrUri);
  const fileName = basename(localPath);
  const endsWithAny = (suffixes: readonly string[]) => suffixes.some((suffix) => fileName.endsWith(suffix));
  if (kind.pyfile === true && (fileName.endsWith(".py") || endsWithAny(PYFILE_SUFFIXES))) {
    return { name: `pyfiles/${fileName}`, localPath };
  }
  if (kind.archive === true && endsWithAny(ARCHIVE_SUFFIXES)) {
    if (fragment !== "" && localPath.includes("#")) {
      throw new ClientArgumentError("An archive path with an alias must not itself contain '#'.", {
        errorClass: "VALUE_ALLOWED",
        messageParameters: { arg_name: "artifact path", disallowed_value: "#" },
      });
    }
    return { name: `archives/${fragment === "" ? fileName : `${fileName}#${fragment}`}`, localPath };
  }
  if (kind.file === true) return { name: `files/${fileName}`, localPath };
  if (fileName.endsWith(".jar")) return { name: `jars/${fileName}`, localPath };
  throw unsupported(`${localPath} file format`);
}

/** Reads one path into the artifact to upload. */
export async function readArtifact(pathOrUri: string, kind: ArtifactKindOptions): Promise<Artifact> {
  const { name, localPath } = artifactName(pathOrUri, kind);
  return { name, data: await readFile(localPath) };
}

/** The artifact that asks the server to write `localPath`'s bytes to `destPath` on its file system. */
export async function forwardToFsArtifact(localPath: unknown, destPath: unknown): Promise<Artifact> {
  if (typeof localPath !== "string" || typeof destPath !== "string") {
    throw new ClientArgumentError("copyFromLocalToFs takes two path strings.", { errorClass: "NOT_STR" });
  }
  if (URI_SCHEME.test(destPath)) {
    throw new ClientArgumentError(
      "dest_path must be a path without a scheme: the server writes to its default file system.",
      { errorClass: "NO_SCHEMA_AND_DRIVER_DEFAULT_SCHEME", messageParameters: { arg_name: "dest_path" } },
    );
  }
  const source = resolve(localPath);
  if (!(await stat(source).catch(() => undefined))?.isFile()) {
    throw new ClientArgumentError(`local path must be a file path: ${source}`);
  }
  if (!isAbsolute(destPath)) throw new ClientArgumentError(`destination FS path must be an absolute path: ${destPath}`);
  return { name: `forward_to_fs${destPath}`, data: await readFile(source) };
}

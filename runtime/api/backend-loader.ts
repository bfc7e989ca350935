/**
 * Where a session's Backend comes from. Both backends are loaded lazily: a Node program that only talks to a
 * Spark server never loads the embedded engine, and one that only runs locally never opens gRPC channels.
 */
import type { Backend } from "../backend.js";
import { ClientArgumentError } from "../errors/index.js";

interface LocalBackendModule {
  LocalBackend: new (options: { master: string }) => Backend;
}

// Kept in a variable so this module compiles and loads before the engine exists on disk.
const LOCAL_BACKEND_MODULE = "../engine/local-backend.js";

/** Connects to a Spark Connect server given an `sc://` connection string. */
export async function connectRemote(connectionString: string): Promise<Backend> {
  const { RemoteBackend } = await import("../transport/remote-backend.js");
  return RemoteBackend.connect(connectionString);
}

/** Starts the embedded engine for `local`, `local[N]` or `local[*]`. */
export async function startLocal(master: string): Promise<Backend> {
  if (!/^local(\[(\d+|\*)\])?$/.test(master)) {
    throw new ClientArgumentError(`master must be "local", "local[N]" or "local[*]", got "${master}".`, {
      errorClass: "INVALID_MASTER",
      messageParameters: { master },
    });
  }
  let module: LocalBackendModule;
  try {
    module = (await import(LOCAL_BACKEND_MODULE)) as LocalBackendModule;
  } catch (error) {
    throw new ClientArgumentError(
      "The embedded engine could not be loaded; pass a Spark Connect URL with remote(...) or SPARK_REMOTE instead.",
      { cause: error },
    );
  }
  return new module.LocalBackend({ master });
}

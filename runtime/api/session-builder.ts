/**
 * `SparkSession.builder()`: collects where to run (`remote` URL or `master`) and configuration, then makes the
 * session. `getOrCreate` hands back the live default session when there is one, as PySpark does; configuration
 * given to the builder is applied to the new session (keys that cannot be set at runtime are skipped silently).
 */
import type { SparkSessionBuilderApi } from "../../generated/api/spark-session-builder.js";
import { ClientArgumentError, SparkConnectError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import { progressHandlersOf, terminalProgressBar } from "../progress/index.js";
import { activeSessionIfLive, defaultSessionIfLive, setDefaultAndActiveSession } from "./active-session.js";
import { connectRemote, startLocal } from "./backend-loader.js";
import { requireString } from "./column.js";
import { type ConfigValue, configValueToString } from "./runtime-config.js";
import type { SparkSession } from "./session.js";

/** Keys the builder uses itself; they are not sent as session configuration. */
const BUILDER_KEYS = new Set(["spark.remote", "spark.master"]);

const PROGRESS_BAR_ENABLED = "SPARK_CONNECT_PROGRESS_BAR_ENABLED";

export class SparkSessionBuilder implements SparkSessionBuilderApi {
  private readonly options = new Map<string, string>();

  /** A Spark Connect server, e.g. `sc://127.0.0.1:15002/;user_id=me`. Takes precedence over `master`. */
  remote(url: string): this {
    return this.config("spark.remote", requireString(url, "url"));
  }

  /** Runs on the embedded engine with N worker threads: `local`, `local[N]` or `local[*]`. */
  master(master: string): this {
    return this.config("spark.master", requireString(master, "master"));
  }

  appName(name: string): this {
    return this.config("spark.app.name", requireString(name, "name"));
  }

  /** One configuration key, or several from an object. */
  config(key: string, value: ConfigValue): this;
  config(map: Readonly<Record<string, ConfigValue>>): this;
  config(keyOrMap: string | Readonly<Record<string, ConfigValue>>, value?: ConfigValue): this {
    if (typeof keyOrMap === "string") {
      this.options.set(keyOrMap, configValueToString(value, keyOrMap));
    } else if (typeof keyOrMap === "object" && keyOrMap !== null) {
      for (const [key, v] of Object.entries(keyOrMap)) this.options.set(key, configValueToString(v, key));
    } else {
      throw new ClientArgumentError(`config takes a key and value or an object, got ${describeType(keyOrMap)}.`);
    }
    return this;
  }

  /**
   * A master and a remote both chosen on the builder contradict each other: PySpark refuses them together, and
   * so does sparkts. (SPARK_REMOTE in the environment is only a default, which master(...) overrides.)
   */
  private refuseMasterWithRemote(): void {
    const master = this.options.get("spark.master");
    const remote = this.options.get("spark.remote");
    if (master === undefined || remote === undefined) return;
    throw new SparkConnectError(
      `Spark Connect server and Spark master cannot be configured together: Spark master [${master}], Spark Connect [${remote}].`,
      {
        errorClass: "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER",
        messageParameters: { master_url: master, connect_url: remote },
      },
    );
  }

  /** The live active session, else the live default session, else a new session (which becomes both). */
  async getOrCreate(): Promise<SparkSession> {
    this.refuseMasterWithRemote();
    const existing = activeSessionIfLive() ?? defaultSessionIfLive();
    if (existing !== undefined) {
      await this.applyOptions(existing);
      return existing;
    }
    return this.create();
  }

  /** Always a new session (it becomes the default and active session where those are not set). */
  async create(): Promise<SparkSession> {
    this.refuseMasterWithRemote();
    // Imported here: session.ts imports this module, and the cycle must not run at load time.
    const { SparkSession } = await import("./session.js");
    // An explicit remote(...) wins; SPARK_REMOTE is only the default when master(...) was not chosen either.
    const master = this.options.get("spark.master");
    const remote =
      this.options.get("spark.remote") ?? (master === undefined ? nonEmpty(process.env.SPARK_REMOTE) : undefined);
    const backend = remote !== undefined ? await connectRemote(remote) : await startLocal(master ?? "local[*]");
    const session = new SparkSession(backend);
    // PySpark's switch for its console progress bar; it draws even when standard error is not a terminal.
    if (process.env[PROGRESS_BAR_ENABLED] === "1")
      progressHandlersOf(backend).register(terminalProgressBar({ force: true }));
    // Before the options are applied, as PySpark does: a failure there stops the session, which clears it again.
    setDefaultAndActiveSession(session);
    try {
      await this.applyOptions(session);
    } catch (error) {
      await session.stop().catch(() => undefined);
      throw error;
    }
    return session;
  }

  private async applyOptions(session: SparkSession): Promise<void> {
    const configs = Object.fromEntries([...this.options].filter(([key]) => !BUILDER_KEYS.has(key)));
    await session.conf.setAll(configs, true);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

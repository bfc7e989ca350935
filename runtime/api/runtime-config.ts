/**
 * `spark.conf`: the session's runtime configuration, read and written through the backend's Config RPC. Values
 * travel as strings; booleans and numbers given to `set` are written the way Spark spells them.
 */
import type { RuntimeConfigApi } from "../../generated/api/runtime-config.js";
import type { ConfigResponse } from "../../generated/proto/spark/connect/base_pb.js";
import type { Backend, ConfigOperation } from "../backend.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import { requireString } from "./column.js";

export type ConfigValue = string | number | boolean | bigint;

export function configValueToString(value: unknown, argName: string): string {
  switch (typeof value) {
    case "string":
      return value;
    case "boolean":
      return value ? "true" : "false";
    case "number":
    case "bigint":
      return String(value);
    default:
      throw new ClientArgumentError(`${argName} must be a string, number or boolean, got ${describeType(value)}.`, {
        errorClass: "NOT_STR",
      });
  }
}

/** Where the configuration lives: the session's current backend (read on each call, so a stopped session fails). */
export interface ConfigTarget {
  readonly backend: Backend;
}

export class RuntimeConfig implements RuntimeConfigApi {
  constructor(private readonly target: ConfigTarget) {}

  private async run(operation: ConfigOperation): Promise<ConfigResponse> {
    const response = await this.target.backend.config(operation);
    for (const warning of response.warnings) process.emitWarning(warning, "SparkConfigWarning");
    return response;
  }

  async set(key: string, value: ConfigValue): Promise<void> {
    const pair = { key: requireString(key, "key"), value: configValueToString(value, "value") };
    await this.run({ opType: { case: "set", value: { pairs: [pair] } } });
  }

  /** Sets several keys at once; `silent` skips failures for keys that cannot be set (used by the builder). */
  async setAll(configs: Readonly<Record<string, ConfigValue>>, silent = false): Promise<void> {
    const pairs = Object.entries(configs).map(([key, value]) => ({ key, value: configValueToString(value, key) }));
    if (pairs.length === 0) return;
    await this.run({ opType: { case: "set", value: { pairs, silent } } });
  }

  /**
   * The value of `key`. Without `defaultValue` an unknown key fails with the server's error; with one, the
   * default is returned for an unset key (`null` means "no default", giving `undefined` when unset).
   */
  async get(key: string, defaultValue?: string | null): Promise<string | undefined> {
    requireString(key, "key");
    if (defaultValue === undefined) {
      const response = await this.run({ opType: { case: "get", value: { keys: [key] } } });
      return response.pairs[0]?.value;
    }
    if (defaultValue !== null) requireString(defaultValue, "defaultValue");
    const pair = defaultValue === null ? { key } : { key, value: defaultValue };
    const response = await this.run({ opType: { case: "getWithDefault", value: { pairs: [pair] } } });
    return response.pairs[0]?.value;
  }

  /** Every configuration explicitly set in this session, by key. */
  async getAll(): Promise<Record<string, string>> {
    const response = await this.run({ opType: { case: "getAll", value: {} } });
    const all: Record<string, string> = {};
    for (const pair of response.pairs) if (pair.value !== undefined) all[pair.key] = pair.value;
    return all;
  }

  async unset(key: string): Promise<void> {
    await this.run({ opType: { case: "unset", value: { keys: [requireString(key, "key")] } } });
  }

  /** Whether `key` can be changed at runtime (false for static and unknown keys). */
  async isModifiable(key: string): Promise<boolean> {
    const response = await this.run({ opType: { case: "isModifiable", value: { keys: [requireString(key, "key")] } } });
    const answer = response.pairs[0]?.value;
    if (answer !== "true" && answer !== "false") {
      throw new ClientArgumentError(`The server answered isModifiable(${key}) with ${String(answer)}.`);
    }
    return answer === "true";
  }
}

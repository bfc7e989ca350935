/** The seven Config operations answered from the session's SessionConfig, with Spark's response shapes. */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { ConfigResponseSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { ConfigOperation } from "../../backend.js";
import { IllegalArgumentException } from "../../errors/index.js";
import type { SessionConfig } from "../session/session-config.js";

type ConfigAnswer = Pick<MessageInitShape<typeof ConfigResponseSchema>, "pairs" | "warnings">;

export function configure(operation: ConfigOperation, conf: SessionConfig): ConfigAnswer {
  const op = operation.opType;
  switch (op?.case) {
    case "set":
      for (const pair of op.value.pairs ?? []) {
        if (pair.key === undefined) continue;
        if (pair.value === undefined) throw new IllegalArgumentException(`Config set needs a value for ${pair.key}.`);
        // A silent set (the builder's options) ignores keys that cannot change, as Spark's server does.
        try {
          conf.set(pair.key, pair.value);
        } catch (error) {
          if (op.value.silent !== true) throw error;
        }
      }
      return { pairs: [], warnings: [] };
    case "get":
      return { pairs: (op.value.keys ?? []).map((key) => ({ key, value: conf.get(key) })), warnings: [] };
    case "getWithDefault":
      return {
        pairs: (op.value.pairs ?? []).map((p) => {
          const value = conf.getWithDefault(p.key ?? "", p.value);
          return value === undefined ? { key: p.key ?? "" } : { key: p.key ?? "", value };
        }),
        warnings: [],
      };
    case "getOption":
      return {
        pairs: (op.value.keys ?? []).map((key) => {
          const value = conf.getOption(key);
          return value === undefined ? { key } : { key, value };
        }),
        warnings: [],
      };
    case "getAll":
      return { pairs: conf.getAll(op.value.prefix).map(([key, value]) => ({ key, value })), warnings: [] };
    case "unset":
      for (const key of op.value.keys ?? []) conf.unset(key);
      return { pairs: [], warnings: [] };
    case "isModifiable":
      return {
        pairs: (op.value.keys ?? []).map((key) => ({ key, value: String(conf.isModifiable(key)) })),
        warnings: [],
      };
    default:
      throw new IllegalArgumentException("A Config request needs an operation.");
  }
}

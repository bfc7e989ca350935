/** pyspark RuntimeConfig (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const runtimeConfigClass: ClassEntryInput = {
  name: "RuntimeConfig",
  interfaceName: "RuntimeConfigApi",
  implementation: "RuntimeConfig",
  description: "Reads and sets the session's Spark SQL configuration.",
  members: [
    {
      name: "getAll",
      // A property in pyspark; a method here, as reading it is an RPC and an async property would surprise.
      kind: "method",
      async: true,
      params: [],
      returns: "Record<string, string>",
      description: "Every configuration value set in the session.",
      status: { spark: supported, local: supported },
    },
    {
      name: "isModifiable",
      kind: "method",
      async: true,
      params: [{ name: "key", tsType: "string" }],
      returns: "boolean",
      since: "2.4.0",
      description: "Whether the key can be changed at run time.",
      status: { spark: supported, local: supported },
    },
    {
      name: "set",
      kind: "method",
      async: true,
      params: [
        { name: "key", tsType: "string" },
        { name: "value", tsType: "string | number | boolean" },
      ],
      returns: "void",
      since: "2.0.0",
      description: "Sets a configuration value for the session.",
      status: { spark: supported, local: supported },
    },
    {
      name: "unset",
      kind: "method",
      async: true,
      params: [{ name: "key", tsType: "string" }],
      returns: "void",
      since: "2.0.0",
      description: "Resets a configuration key to its default.",
      status: { spark: supported, local: supported },
    },
    {
      name: "get",
      kind: "method",
      async: true,
      params: [
        { name: "key", tsType: "string" },
        { name: "default", tsType: "string | null", optional: true, pythonDefault: "<no value>" },
      ],
      returns: "string | undefined",
      since: "2.0.0",
      description: "A configuration value, or the given default when unset.",
      status: { spark: supported, local: supported },
    },
  ],
  excluded: [],
};

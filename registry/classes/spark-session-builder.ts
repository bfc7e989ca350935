/** pyspark SparkSession.Builder (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { notInEngine, notInEngineYet, supported } from "../status.js";

export const sparkSessionBuilderClass: ClassEntryInput = {
  name: "SparkSession.Builder",
  interfaceName: "SparkSessionBuilderApi",
  implementation: "SparkSessionBuilder",
  description: "Configures and creates (or reuses) a SparkSession.",
  members: [
    {
      name: "appName",
      kind: "method",
      params: [{ name: "name", tsType: "string" }],
      returns: "SparkSessionBuilderApi",
      description: "Sets the application name.",
      status: { spark: supported, local: supported },
    },
    {
      name: "config",
      kind: "method",
      params: [
        { name: "key", tsType: "string", optional: true, pythonDefault: "None" },
        { name: "value", tsType: "unknown", optional: true, pythonDefault: "None" },
        { name: "map", tsType: "Record<string, PrimitiveValue | null>", optional: true, pythonDefault: "None" },
      ],
      returns: "SparkSessionBuilderApi",
      description: "Sets configuration values for the session to create.",
      status: { spark: supported, local: supported },
    },
    {
      name: "create",
      kind: "method",
      async: true,
      params: [],
      returns: "SparkSessionApi",
      description: "Creates a new session.",
      status: { spark: supported, local: supported },
    },
    {
      name: "enableHiveSupport",
      kind: "method",
      params: [],
      returns: "SparkSessionBuilderApi",
      status: {
        spark: {
          state: "gap",
          reason: "PySpark's Connect client refuses it too (NOT_IMPLEMENTED): Hive support is the server's setting",
        },
        local: notInEngineYet,
      },
    },
    {
      name: "getOrCreate",
      kind: "method",
      async: true,
      params: [],
      returns: "SparkSessionApi",
      description: "Returns the active session, or creates one.",
      status: { spark: supported, local: supported },
    },
    {
      name: "master",
      kind: "method",
      params: [{ name: "master", tsType: "string" }],
      returns: "SparkSessionBuilderApi",
      description: "Sets the master URL; local[N] selects the embedded engine.",
      status: { spark: supported, local: supported },
    },
    {
      name: "remote",
      kind: "method",
      params: [{ name: "location", tsType: "string", optional: true, pythonDefault: "'sc://localhost'" }],
      returns: "SparkSessionBuilderApi",
      description: "Sets the Spark Connect URL (sc://host:port).",
      status: {
        spark: supported,
        local: notInEngine(
          'a Connect endpoint: remote(url) always connects to a Spark Connect server; master("local[N]") selects the engine',
        ),
      },
    },
  ],
  excluded: [
    {
      name: "channelBuilder",
      reason:
        "takes a Python gRPC channel builder object; sparkts configures its channel from the sc:// connection string",
    },
  ],
};

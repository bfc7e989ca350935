/** pyspark StreamingQueryManager (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { notImplementedYet, notInEngineYet } from "../status.js";

export const streamingQueryManagerClass: ClassEntryInput = {
  name: "StreamingQueryManager",
  interfaceName: "StreamingQueryManagerApi",
  description: "Lists, finds and waits for the session's active streaming queries.",
  members: [
    {
      name: "active",
      kind: "property",
      async: true,
      params: [],
      returns: "StreamingQueryApi[]",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "awaitAnyTermination",
      kind: "method",
      async: true,
      params: [{ name: "timeout", tsType: "number", optional: true, pythonDefault: "None" }],
      returns: "boolean | undefined",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "close",
      kind: "method",
      params: [],
      returns: "void",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "get",
      kind: "method",
      async: true,
      params: [{ name: "id", tsType: "string" }],
      returns: "StreamingQueryApi | undefined",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
    {
      name: "resetTerminated",
      kind: "method",
      async: true,
      params: [],
      returns: "void",
      since: "2.0.0",
      status: { spark: notImplementedYet, local: notInEngineYet },
    },
  ],
  excluded: [
    {
      name: "addListener",
      reason: "registers a Python StreamingQueryListener the server calls back in Python; a TypeScript client cannot",
    },
    {
      name: "removeListener",
      reason: "removes a Python StreamingQueryListener (see addListener); a TypeScript client cannot register one",
    },
  ],
};

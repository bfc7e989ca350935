/** pyspark Observation (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const observationClass: ClassEntryInput = {
  name: "Observation",
  interfaceName: "ObservationApi",
  implementation: "Observation",
  description: "Collects named metrics from a DataFrame as a side effect of running it.",
  members: [
    {
      name: "get",
      kind: "property",
      async: true,
      params: [],
      returns: "Record<string, unknown>",
      status: { spark: supported, local: supported },
    },
  ],
  excluded: [],
};

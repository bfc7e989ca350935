/** pyspark DataFrameNaFunctions (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const dataframeNaFunctionsClass: ClassEntryInput = {
  name: "DataFrameNaFunctions",
  interfaceName: "DataFrameNaFunctionsApi",
  implementation: "DataFrameNaFunctions",
  description: "Handles missing values of a DataFrame: drop, fill or replace them.",
  members: [
    {
      name: "drop",
      kind: "method",
      params: [
        { name: "how", tsType: "string", optional: true, pythonDefault: "'any'" },
        { name: "thresh", tsType: "number", optional: true, pythonDefault: "None" },
        { name: "subset", tsType: "string | readonly string[]", optional: true, pythonDefault: "None" },
      ],
      returns: "DataFrameApi",
      since: "1.3.1",
      status: { spark: supported, local: supported },
    },
    {
      name: "fill",
      kind: "method",
      params: [
        { name: "value", tsType: "LiteralValue | Record<string, LiteralValue>" },
        { name: "subset", tsType: "string | readonly string[]", optional: true, pythonDefault: "None" },
      ],
      returns: "DataFrameApi",
      since: "1.3.1",
      status: { spark: supported, local: supported },
    },
    {
      name: "replace",
      kind: "method",
      params: [
        {
          name: "to_replace",
          tsType: "PrimitiveValue | readonly PrimitiveValue[] | Record<string, PrimitiveValue | null>",
        },
        {
          name: "value",
          tsType: "PrimitiveValue | null | readonly (PrimitiveValue | null)[]",
          optional: true,
          pythonDefault: "<no value>",
        },
        { name: "subset", tsType: "readonly string[]", optional: true, pythonDefault: "None" },
      ],
      returns: "DataFrameApi",
      since: "1.4.0",
      status: { spark: supported, local: supported },
    },
  ],
  excluded: [],
};

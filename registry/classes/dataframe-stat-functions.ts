/** pyspark DataFrameStatFunctions (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const dataframeStatFunctionsClass: ClassEntryInput = {
  name: "DataFrameStatFunctions",
  interfaceName: "DataFrameStatFunctionsApi",
  implementation: "DataFrameStatFunctions",
  description: "Statistics over a DataFrame: correlation, covariance, crosstab, frequent items, quantiles, sampling.",
  members: [
    {
      name: "approxQuantile",
      kind: "method",
      async: true,
      params: [
        { name: "col", tsType: "string | readonly string[] | [string]" },
        { name: "probabilities", tsType: "readonly number[] | [number]" },
        { name: "relativeError", tsType: "number" },
      ],
      returns: "number[] | number[][]",
      since: "2.0.0",
      status: { spark: supported, local: supported },
    },
    {
      name: "corr",
      kind: "method",
      async: true,
      params: [
        { name: "col1", tsType: "string" },
        { name: "col2", tsType: "string" },
        { name: "method", tsType: "string", optional: true, pythonDefault: "None" },
      ],
      returns: "number",
      since: "1.4.0",
      status: { spark: supported, local: supported },
    },
    {
      name: "cov",
      kind: "method",
      async: true,
      params: [
        { name: "col1", tsType: "string" },
        { name: "col2", tsType: "string" },
      ],
      returns: "number",
      since: "1.4.0",
      status: { spark: supported, local: supported },
    },
    {
      name: "crosstab",
      kind: "method",
      params: [
        { name: "col1", tsType: "string" },
        { name: "col2", tsType: "string" },
      ],
      returns: "DataFrameApi",
      since: "1.4.0",
      status: { spark: supported, local: supported },
    },
    {
      name: "freqItems",
      kind: "method",
      params: [
        { name: "cols", tsType: "readonly string[] | [string]" },
        { name: "support", tsType: "number", optional: true, pythonDefault: "None" },
      ],
      returns: "DataFrameApi",
      since: "1.4.0",
      status: { spark: supported, local: supported },
    },
    {
      name: "sampleBy",
      kind: "method",
      params: [
        { name: "col", tsType: "string" },
        { name: "fractions", tsType: "Record<string, number>" },
        { name: "seed", tsType: "number", optional: true, pythonDefault: "None" },
      ],
      returns: "DataFrameApi",
      since: "1.5.0",
      status: { spark: supported, local: supported },
    },
  ],
  excluded: [],
};

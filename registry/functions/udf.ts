/** User-defined function helpers. Registry data, maintained by hand (see registry/README.md). */
import type { FunctionEntryInput } from "../schema.js";
import { notInEngineYet, supported } from "../status.js";

export const udfFunctions: FunctionEntryInput[] = [
  {
    name: "arrow_udtf",
    category: "udf",
    since: "4.1.0",
    description: "Turns a Python-side class into an Arrow-based table function; not usable from TypeScript.",
    args: [{ name: "cls", kind: "literal", tsType: "LiteralInput", optional: true }],
    returns: "udf",
    encoding: { kind: "custom", note: "wraps a Python class" },
    examples: ["arrow_udtf()"],
    status: {
      spark: { state: "gap", reason: "takes Python code, which a TypeScript client cannot ship" },
      local: notInEngineYet,
    },
  },
  {
    name: "call_udf",
    category: "udf",
    since: "3.4.0",
    description: "Calls a user-defined function registered under the given name.",
    args: [
      { name: "udfName", kind: "column-or-name", tsType: "string" },
      { name: "cols", kind: "column-or-name", tsType: "Column | string", variadic: true },
    ],
    returns: "column",
    encoding: { kind: "custom", note: "the first argument is the function name, not an argument" },
    examples: ['call_udf("upper", "s")'],
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "udf",
    category: "udf",
    since: "1.3.0",
    description: "Wraps a Python function as a user-defined function; not usable from TypeScript.",
    args: [
      { name: "f", kind: "literal", tsType: "string", optional: true },
      { name: "returnType", kind: "literal", tsType: "string", optional: true },
    ],
    returns: "udf",
    encoding: { kind: "custom", note: "wraps a Python callable" },
    examples: ["udf()"],
    status: {
      spark: { state: "gap", reason: "takes Python code, which a TypeScript client cannot ship" },
      local: notInEngineYet,
    },
  },
  {
    name: "udtf",
    category: "udf",
    since: "3.5.0",
    description: "Wraps a Python class as a user-defined table function; not usable from TypeScript.",
    args: [{ name: "cls", kind: "literal", tsType: "LiteralInput", optional: true }],
    returns: "udf",
    encoding: { kind: "custom", note: "wraps a Python class" },
    examples: ["udtf()"],
    status: {
      spark: { state: "gap", reason: "takes Python code, which a TypeScript client cannot ship" },
      local: notInEngineYet,
    },
  },
  {
    name: "unwrap_udt",
    category: "udf",
    since: "3.4.0",
    description: "The underlying SQL value of a user-defined type column.",
    args: [{ name: "col", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "unwrap_udt" },
    examples: ['unwrap_udt("st")'],
    resultComparison: {
      compare: "none",
      reason: "needs a user-defined-type column, which neither the SQL fixture nor a TypeScript client can make",
    },
    status: { spark: supported, local: notInEngineYet },
  },
];

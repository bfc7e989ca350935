/** Struct functions. Registry data, maintained by hand (see registry/README.md). */
import type { FunctionEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const structFunctions: FunctionEntryInput[] = [
  {
    name: "named_struct",
    category: "struct",
    since: "3.5.0",
    description: "Builds a struct from alternating field names and values.",
    args: [{ name: "cols", kind: "column-or-name", tsType: "Column | string", variadic: true }],
    returns: "column",
    encoding: { kind: "call", sparkName: "named_struct" },
    examples: ['named_struct(lit("n"), "i", lit("t"), "s")'],
    status: { spark: supported, local: supported },
  },
  {
    name: "struct",
    category: "struct",
    since: "1.4.0",
    description: "Builds a struct from the given columns.",
    args: [{ name: "cols", kind: "column-or-name", tsType: "Column | string", variadic: true }],
    returns: "column",
    encoding: { kind: "call", sparkName: "struct" },
    examples: ['struct("i", "s")', 'struct(col("st.a").alias("a2"), "b")'],
    status: { spark: supported, local: supported },
  },
];

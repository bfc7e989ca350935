/** CSV functions. Registry data, maintained by hand (see registry/README.md). */
import type { FunctionEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const csvFunctions: FunctionEntryInput[] = [
  {
    name: "from_csv",
    category: "csv",
    since: "3.0.0",
    description: "Parses a CSV line into a struct with the given schema.",
    args: [
      { name: "col", kind: "column-or-name", tsType: "Column | string" },
      { name: "schema", kind: "literal", tsType: "Column | string" },
      { name: "options", kind: "options", tsType: "Record<string, string>", optional: true },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "from_csv" },
    examples: [
      'from_csv("s2", "a STRING, b STRING, c STRING")',
      'from_csv(lit("1;x"), "a INT, b STRING", { sep: ";" })',
    ],
    status: { spark: supported, local: supported },
  },
  {
    name: "schema_of_csv",
    category: "csv",
    since: "3.0.0",
    description: "Infers the DDL schema of a CSV line.",
    args: [
      { name: "csv", kind: "literal", tsType: "Column | string" },
      { name: "options", kind: "options", tsType: "Record<string, string>", optional: true },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "schema_of_csv" },
    examples: ['schema_of_csv("1,abc,2.5")', 'schema_of_csv("1|x", { sep: "|" })'],
    status: { spark: supported, local: supported },
  },
  {
    name: "to_csv",
    category: "csv",
    since: "3.0.0",
    description: "Writes a struct as a CSV line.",
    args: [
      { name: "col", kind: "column-or-name", tsType: "Column | string" },
      { name: "options", kind: "options", tsType: "Record<string, string>", optional: true },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "to_csv" },
    examples: ['to_csv("st")', 'to_csv(struct("i", "s", "dt"), { sep: ";" })'],
    status: { spark: supported, local: supported },
  },
];

/** JSON functions. Registry data, maintained by hand (see registry/README.md). */
import type { FunctionEntryInput } from "../schema.js";
import { notInEngineYet, supported } from "../status.js";

export const jsonFunctions: FunctionEntryInput[] = [
  {
    name: "from_json",
    category: "json",
    since: "2.1.0",
    description: "Parses JSON text into a value of the given schema.",
    args: [
      { name: "col", kind: "column-or-name", tsType: "Column | string" },
      { name: "schema", kind: "literal", tsType: "Column | string | DataType" },
      { name: "options", kind: "options", tsType: "Record<string, string>", optional: true },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "from_json" },
    examples: [
      'from_json("js", "a INT, b ARRAY<INT>")',
      'from_json("js", "MAP<STRING, STRING>", { mode: "PERMISSIVE" })',
    ],
    status: { spark: supported, local: supported },
  },
  {
    name: "get_json_object",
    category: "json",
    since: "1.6.0",
    description: "Extracts a value from JSON text with a JSON path.",
    args: [
      { name: "col", kind: "column-or-name", tsType: "Column | string" },
      { name: "path", kind: "literal", tsType: "string" },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "get_json_object" },
    examples: ['get_json_object("js", "$.b[1]")', 'get_json_object("js", "$.a")'],
    status: { spark: supported, local: supported },
  },
  {
    name: "json_array_length",
    category: "json",
    since: "3.5.0",
    description: "Number of elements in the outermost JSON array.",
    args: [{ name: "col", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "json_array_length" },
    examples: ['json_array_length(to_json("arr"))'],
    status: { spark: supported, local: supported },
  },
  {
    name: "json_object_keys",
    category: "json",
    since: "3.5.0",
    description: "Keys of the outermost JSON object, as an array.",
    args: [{ name: "col", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "json_object_keys" },
    examples: ['json_object_keys("js")'],
    status: { spark: supported, local: supported },
  },
  {
    name: "json_tuple",
    category: "json",
    since: "1.6.0",
    description: "Extracts several top-level fields of JSON text as separate columns.",
    args: [
      { name: "col", kind: "column-or-name", tsType: "Column | string" },
      { name: "fields", kind: "literal", tsType: "string", variadic: true, minCount: 1 },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "json_tuple" },
    examples: ['json_tuple("js", "a", "b")'],
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "schema_of_json",
    category: "json",
    since: "2.4.0",
    description: "Infers the DDL schema of JSON text.",
    args: [
      { name: "json", kind: "literal", tsType: "Column | string" },
      { name: "options", kind: "options", tsType: "Record<string, string>", optional: true },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "schema_of_json" },
    examples: [
      'schema_of_json(\'{"a":1,"b":[1.5],"c":"x"}\')',
      'schema_of_json(\'{"a":01}\', { allowNumericLeadingZeros: "TRUE" })',
    ],
    status: { spark: supported, local: supported },
  },
  {
    name: "to_json",
    category: "json",
    since: "2.1.0",
    description: "Writes a struct, array, map or variant as JSON text.",
    args: [
      { name: "col", kind: "column-or-name", tsType: "Column | string" },
      { name: "options", kind: "options", tsType: "Record<string, string>", optional: true },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "to_json" },
    examples: [
      'to_json("st")',
      'to_json("m")',
      'to_json(struct("ts", "dt"), { timestampFormat: "yyyy/MM/dd HH.mm", dateFormat: "dd.MM.yyyy" })',
    ],
    status: { spark: supported, local: supported },
  },
];

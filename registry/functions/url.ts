/** URL functions. Registry data, maintained by hand (see registry/README.md). */
import type { FunctionEntryInput } from "../schema.js";
import { supported } from "../status.js";

export const urlFunctions: FunctionEntryInput[] = [
  {
    name: "parse_url",
    category: "url",
    since: "3.5.0",
    description: "Extracts a part (HOST, PATH, QUERY, ...) of a URL.",
    args: [
      { name: "url", kind: "column-or-name", tsType: "Column | string" },
      { name: "partToExtract", kind: "column-or-name", tsType: "Column | string" },
      { name: "key", kind: "column-or-name", tsType: "Column | string", optional: true },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "parse_url" },
    examples: ['parse_url("url", lit("HOST"))', 'parse_url("url", lit("QUERY"), lit("lang"))'],
    status: { spark: supported, local: supported },
  },
  {
    name: "try_parse_url",
    category: "url",
    since: "4.0.0",
    description: "Like parse_url but null on an invalid URL.",
    args: [
      { name: "url", kind: "column-or-name", tsType: "Column | string" },
      { name: "partToExtract", kind: "column-or-name", tsType: "Column | string" },
      { name: "key", kind: "column-or-name", tsType: "Column | string", optional: true },
    ],
    returns: "column",
    encoding: { kind: "call", sparkName: "try_parse_url" },
    examples: ['try_parse_url("s2", lit("PATH"))', 'try_parse_url("url", lit("QUERY"), lit("q"))'],
    status: { spark: supported, local: supported },
  },
  {
    name: "try_url_decode",
    category: "url",
    since: "4.0.0",
    description: "Like url_decode but null on invalid input.",
    args: [{ name: "str", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "try_url_decode" },
    examples: ['try_url_decode("url")', 'try_url_decode(concat(lit("%4"), "i"))'],
    status: { spark: supported, local: supported },
  },
  {
    name: "url_decode",
    category: "url",
    since: "3.5.0",
    description: "Decodes application/x-www-form-urlencoded text.",
    args: [{ name: "str", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "url_decode" },
    examples: ['url_decode("url")'],
    status: { spark: supported, local: supported },
  },
  {
    name: "url_encode",
    category: "url",
    since: "3.5.0",
    description: "Encodes text as application/x-www-form-urlencoded.",
    args: [{ name: "str", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "url_encode" },
    examples: ['url_encode("s")', 'url_encode("url")'],
    status: { spark: supported, local: supported },
  },
];

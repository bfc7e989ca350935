/** URL functions. Registry data, maintained by hand (see registry/README.md). */
import type { FunctionEntryInput } from "../schema.js";
import { notInEngineYet, supported } from "../status.js";

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
    examples: ['parse_url("url", "partToExtract")'],
    status: { spark: supported, local: notInEngineYet },
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
    examples: ['try_parse_url("url", "partToExtract")'],
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "try_url_decode",
    category: "url",
    since: "4.0.0",
    description: "Like url_decode but null on invalid input.",
    args: [{ name: "str", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "try_url_decode" },
    examples: ['try_url_decode("str")'],
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "url_decode",
    category: "url",
    since: "3.5.0",
    description: "Decodes application/x-www-form-urlencoded text.",
    args: [{ name: "str", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "url_decode" },
    examples: ['url_decode("str")'],
    status: { spark: supported, local: notInEngineYet },
  },
  {
    name: "url_encode",
    category: "url",
    since: "3.5.0",
    description: "Encodes text as application/x-www-form-urlencoded.",
    args: [{ name: "str", kind: "column-or-name", tsType: "Column | string" }],
    returns: "column",
    encoding: { kind: "call", sparkName: "url_encode" },
    examples: ['url_encode("str")'],
    status: { spark: supported, local: notInEngineYet },
  },
];

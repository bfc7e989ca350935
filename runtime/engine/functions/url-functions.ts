/**
 * parse_url / try_parse_url (the parts java.net.URI gives: HOST, PATH, QUERY [with a key], REF, PROTOCOL, FILE,
 * AUTHORITY, USERINFO), url_encode / url_decode / try_url_decode (application/x-www-form-urlencoded, UTF-8).
 */

import { IllegalArgumentException } from "../../errors/index.js";
import { implicitCast } from "../analyzer/type-coercion.js";
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type ScalarFunction } from "./function-types.js";

interface ParsedUri {
  readonly scheme: string | null;
  readonly authority: string | null;
  readonly userInfo: string | null;
  readonly host: string | null;
  readonly path: string | null;
  readonly query: string | null;
  readonly fragment: string | null;
}

/** Characters java.net.URI never accepts unescaped (besides `%` not followed by two hex digits). */
const ILLEGAL_PUNCTUATION = /[ "<>\\^`{|}]|%(?![0-9A-Fa-f]{2})/;
const hasIllegalCharacter = (text: string): boolean =>
  ILLEGAL_PUNCTUATION.test(text) ||
  Array.from(text).some((ch) => (ch.codePointAt(0) as number) < 0x20 || ch === "\u007f");
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const HOSTNAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?$/;

/** Parses like java.net.URI: null when the text is not a valid URI. */
export function parseUri(text: string): ParsedUri | null {
  if (hasIllegalCharacter(text)) return null;
  const hash = text.indexOf("#");
  const fragment = hash < 0 ? null : text.slice(hash + 1);
  if (fragment !== null && /[#[\]]/.test(fragment)) return null;
  const rest = hash < 0 ? text : text.slice(0, hash);
  const colon = rest.search(/[:/?]/);
  let scheme: string | null = null;
  let body = rest;
  if (colon >= 0 && rest[colon] === ":") {
    scheme = rest.slice(0, colon);
    if (!SCHEME.test(scheme)) return null;
    body = rest.slice(colon + 1);
    if (body === "") return null;
    // An opaque URI (`mailto:x`) has no authority, path or query.
    if (!body.startsWith("/")) {
      return { scheme, authority: null, userInfo: null, host: null, path: null, query: null, fragment };
    }
  }
  const question = body.indexOf("?");
  const query = question < 0 ? null : body.slice(question + 1);
  let hierarchical = question < 0 ? body : body.slice(0, question);
  if (query !== null && /[[\]]/.test(query)) return null;
  let authority: string | null = null;
  if (hierarchical.startsWith("//")) {
    const end = hierarchical.indexOf("/", 2);
    authority = end < 0 ? hierarchical.slice(2) : hierarchical.slice(2, end);
    hierarchical = end < 0 ? "" : hierarchical.slice(end);
    if (authority === "") authority = null;
  }
  if (/[[\]]/.test(hierarchical)) return null;
  const server = authority === null ? null : serverParts(authority);
  return {
    scheme,
    authority,
    userInfo: server?.userInfo ?? null,
    host: server?.host ?? null,
    path: hierarchical,
    query,
    fragment,
  };
}

/** user@host:port when the authority is server-based; otherwise Java treats it as a registry name (no host). */
function serverParts(authority: string): { userInfo: string | null; host: string } | null {
  const at = authority.lastIndexOf("@");
  const userInfo = at < 0 ? null : authority.slice(0, at);
  let hostPort = authority.slice(at + 1);
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close < 0) return null;
    const host = hostPort.slice(0, close + 1);
    const port = hostPort.slice(close + 1);
    return port === "" || /^:\d*$/.test(port) ? { userInfo, host } : null;
  }
  const portAt = hostPort.lastIndexOf(":");
  if (portAt >= 0) {
    if (!/^\d*$/.test(hostPort.slice(portAt + 1))) return null;
    hostPort = hostPort.slice(0, portAt);
  }
  return HOSTNAME.test(hostPort) ? { userInfo, host: hostPort } : null;
}

function invalidUrl(url: string): Error {
  return sparkError(
    IllegalArgumentException,
    "INVALID_URL",
    "22P02",
    `The url is invalid: ${url}. Use \`try_parse_url\` to tolerate invalid URL and return NULL instead.`,
    { url, ansiConfig: '"spark.sql.ansi.enabled"' },
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function urlPart(uri: ParsedUri, part: string, key: string | undefined): string | null {
  switch (part) {
    case "HOST":
      return uri.host;
    case "PATH":
      return uri.path;
    case "QUERY": {
      if (key === undefined || uri.query === null) return uri.query;
      const found = new RegExp(`(&|^)${escapeRegExp(key)}=([^&]*)`).exec(uri.query);
      return found === null ? null : (found[2] as string);
    }
    case "REF":
      return uri.fragment;
    case "PROTOCOL":
      return uri.scheme;
    case "FILE":
      return uri.query === null ? uri.path : `${uri.path}?${uri.query}`;
    case "AUTHORITY":
      return uri.authority;
    case "USERINFO":
      return uri.userInfo;
    default:
      return null;
  }
}

const asString = (e: Expr): Expr => (T.isString(e.type) ? e : implicitCast(e, T.STRING));
const show = (name: string, args: readonly Expr[]) => `${name}(${args.map(displayOf).join(", ")})`;

function stringFunction(name: string, f: (values: string[]) => string | null): ScalarFunction {
  return {
    resolve: (args, ctx) => call(name, args.map(asString), T.STRING, show(name, args), ctx, true),
    kernel: (args, c) => {
      const length = args[0]?.length ?? 0;
      const out: Scalar[] = [];
      for (let row = 0; row < length; row++) {
        const values = args.map((a) => getScalar(a as ColumnVector, row));
        out.push(values.some((v) => v === null) ? null : f(values as string[]));
      }
      return columnFromScalars(c.type, out);
    },
  };
}

function parseUrl(tolerant: boolean) {
  return ([url, part, key]: string[]): string | null => {
    const uri = parseUri(url as string);
    if (uri === null) {
      if (tolerant) return null;
      throw invalidUrl(url as string);
    }
    return urlPart(uri, part as string, key);
  };
}

const KEEP = /[A-Za-z0-9.\-*_]/;

/** java.net.URLEncoder with UTF-8: letters, digits and `.-*_` stay, a space becomes `+`, the rest `%XX`. */
export function urlEncode(text: string): string {
  let out = "";
  for (const ch of text) {
    if (KEEP.test(ch)) out += ch;
    else if (ch === " ") out += "+";
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** java.net.URLDecoder with UTF-8; null for a malformed escape (`%` without two hex digits). */
export function urlDecode(text: string): string | null {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "+") {
      out += " ";
      i++;
    } else if (ch === "%") {
      const bytes: number[] = [];
      while (i < text.length && text[i] === "%") {
        const hex = text.slice(i + 1, i + 3);
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
        bytes.push(Number.parseInt(hex, 16));
        i += 3;
      }
      out += new TextDecoder().decode(new Uint8Array(bytes));
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function cannotDecode(url: string): Error {
  return sparkError(
    IllegalArgumentException,
    "CANNOT_DECODE_URL",
    "22546",
    `The provided URL cannot be decoded: ${url}. Please ensure that the URL is properly formatted and try again.`,
    { url },
  );
}

export const urlFunctions: Record<string, ScalarFunction> = {
  parse_url: stringFunction("parse_url", parseUrl(false)),
  try_parse_url: stringFunction("try_parse_url", parseUrl(true)),
  url_encode: stringFunction("url_encode", ([s]) => urlEncode(s as string)),
  url_decode: stringFunction("url_decode", ([s]) => {
    const decoded = urlDecode(s as string);
    if (decoded === null) throw cannotDecode(s as string);
    return decoded;
  }),
  try_url_decode: stringFunction("try_url_decode", ([s]) => urlDecode(s as string)),
};

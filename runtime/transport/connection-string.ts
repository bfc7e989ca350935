/**
 * Parses Spark Connect connection strings, `sc://host:port/;key=value;…`, with the rules PySpark's channel
 * builder applies: default port 15002, parameters separated by `;` each exactly one `key=value` with a
 * percent-encoded value, a token that implies TLS, a session id that must be a UUID, and every parameter that is
 * not one of the reserved names sent to the server as a gRPC header.
 */
import { InvalidConnectionStringError } from "../errors/index.js";

export const DEFAULT_PORT = 15002;

/** Parameters the client consumes itself; every other parameter becomes a request header. */
const RESERVED_PARAMETERS = ["token", "use_ssl", "user_id", "user_agent", "session_id"] as const;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_USER_AGENT_LENGTH = 2048;

export interface ConnectionString {
  /** Host as written (lower-cased); IPv6 literals keep their brackets. */
  readonly host: string;
  readonly port: number;
  /** `host:port`, ready for grpc-js. */
  readonly endpoint: string;
  /** TLS on: `use_ssl=true`, or a token is present (except over plain localhost, as PySpark does). */
  readonly useTls: boolean;
  readonly token: string | undefined;
  readonly userId: string | undefined;
  readonly userAgent: string | undefined;
  readonly sessionId: string | undefined;
  /** Every non-reserved parameter, sent as gRPC metadata on each call. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface ConnectionEnvironment {
  readonly SPARK_REMOTE?: string | undefined;
  /** PySpark reads the token from here when the string carries none. */
  readonly SPARK_CONNECT_AUTHENTICATE_TOKEN?: string | undefined;
}

/** The explicit string when given, else `SPARK_REMOTE`; throws when neither is set. */
export function resolveConnectionString(
  explicit: string | undefined,
  env: ConnectionEnvironment = process.env,
): ConnectionString {
  const text = explicit ?? env.SPARK_REMOTE;
  if (text === undefined || text === "") {
    throw new InvalidConnectionStringError("No connection string given and SPARK_REMOTE is not set.");
  }
  return parseConnectionString(text, env);
}

export function parseConnectionString(text: string, env: ConnectionEnvironment = {}): ConnectionString {
  if (!text.startsWith("sc://")) {
    throw invalid(text, "it must start with 'sc://', e.g. 'sc://hostname:15002'");
  }
  const rest = text.slice("sc://".length);
  const authorityEnd = firstIndexOf(rest, ["/", "?", "#"]);
  const authority = rest.slice(0, authorityEnd);
  const tail = rest.slice(authorityEnd);
  if (/[?#]/.test(tail)) {
    throw invalid(text, `'${tail.slice(firstIndexOf(tail, ["?", "#"]))}' is not allowed: pass options as ';key=value'`);
  }
  const { path, parameterText } = splitPathAndParameters(tail);
  if (path !== "" && path !== "/") {
    throw invalid(text, `the path '${path}' must be empty`);
  }
  const { host, port } = parseAuthority(text, authority);
  const parameters = parseParameters(text, parameterText);

  const token = parameters.get("token") ?? env.SPARK_CONNECT_AUTHENTICATE_TOKEN;
  const useSsl = (parameters.get("use_ssl") ?? "").toLowerCase() === "true";
  const sessionId = parameters.get("session_id");
  if (sessionId !== undefined && !UUID_PATTERN.test(sessionId)) {
    throw invalid(text, `session_id '${sessionId}' is not a UUID`);
  }
  const userAgent = parameters.get("user_agent");
  if (userAgent !== undefined && encodeURIComponent(userAgent).length > MAX_USER_AGENT_LENGTH) {
    throw invalid(text, `user_agent is longer than ${MAX_USER_AGENT_LENGTH} characters`);
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of parameters) {
    if (!(RESERVED_PARAMETERS as readonly string[]).includes(key)) headers[key] = value;
  }
  return {
    host,
    port,
    endpoint: `${host}:${port}`,
    // PySpark sends a token over plain loopback to `localhost` (gRPC local credentials) unless use_ssl is set.
    useTls: useSsl || (token !== undefined && host !== "localhost"),
    token,
    userId: parameters.get("user_id"),
    userAgent,
    sessionId,
    headers,
  };
}

function firstIndexOf(text: string, needles: readonly string[]): number {
  const found = needles.map((needle) => text.indexOf(needle)).filter((index) => index >= 0);
  return found.length === 0 ? text.length : Math.min(...found);
}

/** Parameters start at the first `;` after the last `/`, like URL path parameters. */
function splitPathAndParameters(tail: string): { path: string; parameterText: string } {
  const semicolon = tail.indexOf(";", Math.max(tail.lastIndexOf("/"), 0));
  if (semicolon < 0) return { path: tail, parameterText: "" };
  return { path: tail.slice(0, semicolon), parameterText: tail.slice(semicolon + 1) };
}

function parseAuthority(text: string, authority: string): { host: string; port: number } {
  if (authority.includes(";")) {
    throw invalid(
      text,
      `'${authority}' contains ';': parameters start after a '/', e.g. 'sc://host:15002/;user_id=me'`,
    );
  }
  if (authority.includes("@")) {
    throw invalid(text, "user information before '@' is not supported: use ';user_id=…' or ';token=…'");
  }
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(.*))?$/.exec(authority);
  const [hostPart, portPart] = bracketed
    ? [`[${bracketed[1]?.toLowerCase()}]`, bracketed[2]]
    : splitHostPort(text, authority);
  if (hostPart === "" || hostPart === "[]") {
    throw invalid(text, "the host name is missing");
  }
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9._~%!$&'()*+,=-]+)$/.test(hostPart)) {
    throw invalid(text, `'${hostPart}' is not a valid host name`);
  }
  if (portPart === undefined || portPart === "") return { host: hostPart, port: DEFAULT_PORT };
  if (!/^\d+$/.test(portPart) || Number(portPart) > 65535) {
    throw invalid(text, `the port '${portPart}' is not a number between 0 and 65535`);
  }
  return { host: hostPart, port: Number(portPart) };
}

function splitHostPort(text: string, authority: string): [string, string | undefined] {
  const colon = authority.indexOf(":");
  if (colon < 0) return [authority.toLowerCase(), undefined];
  if (authority.indexOf(":", colon + 1) >= 0) {
    throw invalid(text, `'${authority}' has several ':'; write IPv6 addresses in brackets, e.g. 'sc://[::1]:15002'`);
  }
  return [authority.slice(0, colon).toLowerCase(), authority.slice(colon + 1)];
}

function parseParameters(text: string, parameterText: string): Map<string, string> {
  const parameters = new Map<string, string>();
  if (parameterText === "") return parameters;
  for (const part of parameterText.split(";")) {
    const pieces = part.split("=");
    const [key, value] = pieces;
    if (pieces.length !== 2 || key === undefined || value === undefined) {
      throw invalid(text, `the parameter '${part}' must be a single 'key=value' pair`);
    }
    if (key === "") throw invalid(text, `the parameter '${part}' has an empty name`);
    parameters.set(key, decodeValue(text, key, value));
  }
  return parameters;
}

function decodeValue(text: string, key: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw invalid(text, `the value of '${key}' has a malformed percent-escape`);
  }
}

function invalid(text: string, problem: string): InvalidConnectionStringError {
  return new InvalidConnectionStringError(`Invalid Spark Connect connection string '${redact(text)}': ${problem}.`);
}

/** Never echo a token back in an error message. */
function redact(text: string): string {
  return text.replace(/(;token=)[^;]*/g, "$1***");
}

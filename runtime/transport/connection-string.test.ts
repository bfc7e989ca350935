import { describe, expect, it } from "vitest";
import { InvalidConnectionStringError } from "../errors/index.js";
import { parseConnectionString, resolveConnectionString } from "./connection-string.js";

describe("parseConnectionString: accepted strings", () => {
  it("applies the default port and no TLS to a bare host", () => {
    const parsed = parseConnectionString("sc://localhost");
    expect(parsed).toMatchObject({ host: "localhost", port: 15002, endpoint: "localhost:15002", useTls: false });
    expect(parsed.headers).toEqual({});
  });

  it.each([
    ["sc://127.0.0.1:15003", "127.0.0.1:15003"],
    ["sc://127.0.0.1:15003/", "127.0.0.1:15003"],
    ["sc://Spark.Example.COM:443/", "spark.example.com:443"],
    ["sc://[::1]:15002", "[::1]:15002"],
    ["sc://[::1]", "[::1]:15002"],
    ["sc://host:", "host:15002"],
  ])("%s has endpoint %s", (text, endpoint) => {
    expect(parseConnectionString(text).endpoint).toBe(endpoint);
  });

  it("reads the reserved parameters and turns the others into headers", () => {
    const parsed = parseConnectionString(
      "sc://h:1/;user_id=alice;user_agent=my%20app;session_id=9f3c6a52-6f0e-4b8e-9a43-2a3c1c0de001;x-team=data%3Bops",
    );
    expect(parsed.userId).toBe("alice");
    expect(parsed.userAgent).toBe("my app");
    expect(parsed.sessionId).toBe("9f3c6a52-6f0e-4b8e-9a43-2a3c1c0de001");
    expect(parsed.headers).toEqual({ "x-team": "data;ops" });
  });

  it("turns TLS on for use_ssl=true in any case, and off for other values", () => {
    expect(parseConnectionString("sc://h/;use_ssl=TRUE").useTls).toBe(true);
    expect(parseConnectionString("sc://h/;use_ssl=yes").useTls).toBe(false);
    expect(parseConnectionString("sc://h/;use_ssl=false").useTls).toBe(false);
  });

  it("lets a token imply TLS, except to plain localhost as PySpark does", () => {
    expect(parseConnectionString("sc://h/;token=abc")).toMatchObject({ token: "abc", useTls: true });
    expect(parseConnectionString("sc://localhost/;token=abc")).toMatchObject({ token: "abc", useTls: false });
    expect(parseConnectionString("sc://localhost/;token=abc;use_ssl=true").useTls).toBe(true);
  });

  it("takes the token from SPARK_CONNECT_AUTHENTICATE_TOKEN when the string has none", () => {
    const parsed = parseConnectionString("sc://h", { SPARK_CONNECT_AUTHENTICATE_TOKEN: "from-env" });
    expect(parsed).toMatchObject({ token: "from-env", useTls: true });
    expect(parseConnectionString("sc://h/;token=t", { SPARK_CONNECT_AUTHENTICATE_TOKEN: "e" }).token).toBe("t");
  });

  it("keeps the last value of a repeated parameter", () => {
    expect(parseConnectionString("sc://h/;user_id=a;user_id=b").userId).toBe("b");
  });
});

describe("parseConnectionString: rejected strings name the bad part", () => {
  it.each([
    ["http://h:15002", /must start with 'sc:\/\/'/],
    ["h:15002", /must start with 'sc:\/\/'/],
    ["sc://", /host name is missing/],
    ["sc://:15002", /host name is missing/],
    ["sc://h:port", /port 'port'/],
    ["sc://h:70000", /port '70000'/],
    ["sc://h:-1", /port '-1'/],
    ["sc://h/path", /path '\/path' must be empty/],
    ["sc://h/a/;x=1", /path '\/a\/' must be empty/],
    ["sc://h/;token", /parameter 'token' must be a single 'key=value' pair/],
    ["sc://h/;a=b=c", /parameter 'a=b=c'/],
    ["sc://h/;a=1;", /parameter ''/],
    ["sc://h/;=1", /empty name/],
    ["sc://h/;session_id=abc", /session_id 'abc' is not a UUID/],
    ["sc://h/;session_id=9f3c6a526f0e4b8e9a432a3c1c0de001", /is not a UUID/],
    ["sc://h/;x=%zz", /value of 'x' has a malformed percent-escape/],
    ["sc://h?token=abc", /'\?token=abc' is not allowed/],
    ["sc://user@h", /user information/],
    ["sc://::1:15002", /several ':'/],
    ["sc://h h", /not a valid host name/],
    ["sc://h:1;user_id=a", /parameters start after a '\/'/],
    ["sc://h;user_id=a", /parameters start after a '\/'/],
  ])("%s", (text, problem) => {
    expect(() => parseConnectionString(text)).toThrow(InvalidConnectionStringError);
    expect(() => parseConnectionString(text)).toThrow(problem);
  });

  it("rejects an over-long user agent", () => {
    expect(() => parseConnectionString(`sc://h/;user_agent=${"a".repeat(2049)}`)).toThrow(/user_agent is longer/);
  });

  it("never repeats the token in the message", () => {
    expect(() => parseConnectionString("sc://h/path;token=secret")).toThrow(/token=\*\*\*/);
    expect(() => parseConnectionString("sc://h/path;token=secret")).not.toThrow(/secret/);
  });
});

describe("resolveConnectionString", () => {
  it("prefers the explicit string, then SPARK_REMOTE", () => {
    expect(resolveConnectionString("sc://a:1", { SPARK_REMOTE: "sc://b:2" }).endpoint).toBe("a:1");
    expect(resolveConnectionString(undefined, { SPARK_REMOTE: "sc://b:2" }).endpoint).toBe("b:2");
  });

  it("fails clearly when there is neither", () => {
    expect(() => resolveConnectionString(undefined, {})).toThrow(/SPARK_REMOTE is not set/);
  });
});

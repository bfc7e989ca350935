import { describe, expect, it } from "vitest";
import { ServerSessionChangedError } from "../errors/index.js";
import { resolveUserId, Session } from "./session.js";

const response = (serverSideSessionId: string, sessionId = "s-1") => ({ sessionId, serverSideSessionId });

describe("Session", () => {
  it("sends no observed server session id until one was seen, then pins the first", () => {
    const session = new Session("s-1", "alice", "sparkts/0 node/20");
    expect(session.envelope()).toEqual({
      sessionId: "s-1",
      userContext: { userId: "alice" },
      clientType: "sparkts/0 node/20",
    });
    session.observe(response("server-a"));
    session.observe(response(""));
    session.observe(response("server-a"));
    expect(session.envelope().clientObservedServerSideSessionId).toBe("server-a");
  });

  it("fails clearly when the server-side session changes, and refuses later requests", () => {
    const session = new Session("s-1", "alice", "t");
    session.observe(response("server-a"));
    expect(() => session.observe(response("server-b"))).toThrow(ServerSessionChangedError);
    expect(() => session.envelope()).toThrow(/changed from server-a to server-b/);
  });

  it("rejects a response for another session", () => {
    const session = new Session("s-1", "alice", "t");
    expect(() => session.observe(response("server-a", "s-2"))).toThrow(/session s-2 on session s-1/);
  });
});

describe("resolveUserId", () => {
  it("prefers the connection string, then SPARK_USER, then USER", () => {
    expect(resolveUserId("cs", { SPARK_USER: "su", USER: "u" })).toBe("cs");
    expect(resolveUserId(undefined, { SPARK_USER: "su", USER: "u" })).toBe("su");
    expect(resolveUserId(undefined, { USER: "u" })).toBe("u");
    expect(resolveUserId(undefined, {})).toBe("");
  });
});

/** The URL helpers fail with a message that says what is missing and how to provide it. */
import { afterEach, describe, expect, it } from "vitest";
import { reattachRemote, SERVER_ENV, sparkRemote } from "../../support/session-url.js";

describe("session URLs", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const variable of Object.values(SERVER_ENV)) {
      // Assigning undefined to process.env would store the string "undefined".
      if (saved[variable] === undefined) delete process.env[variable];
      else process.env[variable] = saved[variable];
    }
  });

  it("the global setup provides both URLs, also through inject()", async () => {
    const { inject } = await import("vitest");
    expect(sparkRemote()).toBe(inject("sparkRemote"));
    expect(reattachRemote()).toBe(inject("reattachRemote"));
  });

  it("names the missing variable", () => {
    delete process.env[SERVER_ENV.sparkRemote];
    delete process.env[SERVER_ENV.reattachRemote];
    expect(() => sparkRemote()).toThrow(/SPARK_REMOTE is not set.*npm run spark:start/s);
    expect(() => reattachRemote()).toThrow(/SPARKTS_REATTACH_REMOTE is not set.*'reattach' profile/s);
  });

  it("rejects a URL that is not a Spark Connect URL", () => {
    process.env[SERVER_ENV.sparkRemote] = "http://127.0.0.1:15002";
    expect(() => sparkRemote()).toThrow(/SPARK_REMOTE must be a Spark Connect URL starting with sc:\/\//);
  });
});

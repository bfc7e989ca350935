import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clientType, SPARKTS_VERSION } from "./client-type.js";

describe("clientType", () => {
  it("names sparkts and node with their versions", () => {
    expect(clientType()).toBe(`sparkts/${SPARKTS_VERSION} node/${process.versions.node}`);
  });

  it("puts a user agent from the connection string first", () => {
    expect(clientType("my-app/2")).toMatch(/^my-app\/2 sparkts\/\S+ node\/\S+$/);
  });

  it("reports the version package.json declares", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(SPARKTS_VERSION).toBe(manifest.version);
  });
});

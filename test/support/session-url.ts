/**
 * Where the integration tests find their Spark Connect servers. test/global-setup.ts fills these in
 * (starting local servers when needed); setting them yourself points the tests at other servers.
 */

declare module "vitest" {
  export interface ProvidedContext {
    sparkRemote: string;
    reattachRemote: string;
  }
}

/** Server variables the tests read, with what each one is for. */
export const SERVER_ENV = {
  sparkRemote: "SPARK_REMOTE",
  reattachRemote: "SPARKTS_REATTACH_REMOTE",
} as const;

/**
 * The Spark 4.1.1 Connect server the suite targets, e.g. `sc://127.0.0.1:15002`. The `integration-reattach`
 * vitest project sets SPARKTS_TARGET_PROFILE=reattach, so the same suites run again with every query reattaching.
 */
export function sparkRemote(): string {
  if (process.env.SPARKTS_TARGET_PROFILE === "reattach") return reattachRemote();
  return requireUrl(SERVER_ENV.sparkRemote, "a Spark 4.1.1 Connect server");
}

/** A Spark 4.1.1 Connect server that ends every response stream early, so every query must reattach. */
export function reattachRemote(): string {
  return requireUrl(SERVER_ENV.reattachRemote, "a Spark Connect server started with the 'reattach' profile");
}

function requireUrl(variable: string, what: string): string {
  const url = process.env[variable];
  if (url === undefined || url === "") {
    throw new Error(
      `${variable} is not set: it should name ${what}. Run integration tests through vitest's "integration" ` +
        "project (its global setup starts the servers), or start one with `npm run spark:start` and export " +
        `${variable}=sc://127.0.0.1:<port>.`,
    );
  }
  if (!url.startsWith("sc://")) {
    throw new Error(`${variable} must be a Spark Connect URL starting with sc://, got ${JSON.stringify(url)}`);
  }
  return url;
}

/**
 * Global setup of the vitest "integration" project: makes sure the tests have a Spark 4.1.1 Connect server
 * (SPARK_REMOTE) and a reattach-profile server (SPARKTS_REATTACH_REMOTE). A variable that is already set is
 * used as is; otherwise the matching local server is started (or reused) through scripts/spark-server.sh and
 * released at teardown. Tests read the URLs with test/support/session-url.ts.
 */
import type { TestProject } from "vitest/node";
import { SERVER_ENV } from "./support/session-url.js";
import {
  type AcquiredServer,
  acquireSparkServer,
  ensurePySparkEnv,
  releaseSparkServer,
  type ServerProfile,
} from "./support/spark-server.js";

const PROFILE_OF: Record<keyof typeof SERVER_ENV, ServerProfile> = {
  sparkRemote: "default",
  reattachRemote: "reattach",
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const keys = Object.keys(SERVER_ENV) as (keyof typeof SERVER_ENV)[];
  const missing = keys.filter((key) => !process.env[SERVER_ENV[key]]);
  const acquired: AcquiredServer[] = [];
  const release = async (): Promise<void> => {
    await Promise.all(acquired.map((server) => releaseSparkServer(server.profile)));
  };

  if (missing.length > 0) {
    await ensurePySparkEnv();
    // Both JVMs start in parallel: start-up is mostly waiting, and it halves the cold start.
    const results = await Promise.allSettled(missing.map((key) => acquireSparkServer(PROFILE_OF[key])));
    for (const result of results) if (result.status === "fulfilled") acquired.push(result.value);
    const failure = results.find((result) => result.status === "rejected");
    if (failure !== undefined) {
      await release();
      throw failure.reason;
    }
    for (const [index, key] of missing.entries()) process.env[SERVER_ENV[key]] = acquired[index]!.url;
  }

  // Workers inherit process.env; `provide` also offers the URLs to tests through `inject`.
  for (const key of keys) project.provide(key, process.env[SERVER_ENV[key]]!);
  return release;
}

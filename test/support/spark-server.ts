/**
 * Node's handle on scripts/spark-server.sh: test runs `acquire` a server profile (starting it, or reusing
 * one already answering) and `release` it at the end. The script counts live test runs per profile and
 * stops a server only when the last run using it releases it and a test run had started it, so parallel
 * test runs and servers started by hand (`npm run spark:start`) are never cut off.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type ServerProfile = "default" | "reattach";

export interface AcquiredServer {
  profile: ServerProfile;
  url: string;
  /** True when this call launched (or replaced a broken) server, false when a working one was running. */
  started: boolean;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const serverScript = path.join(repoRoot, "scripts/spark-server.sh");

/** Starts or reuses the profile's server on behalf of `holder` (a live process id, usually this one). */
export async function acquireSparkServer(profile: ServerProfile, holder = process.pid): Promise<AcquiredServer> {
  const stdout = await runScript(["acquire", "--profile", profile, "--holder", String(holder)]);
  const match = /^(sc:\/\/\S+) (started|restarted|reused)$/m.exec(stdout);
  if (match === null) {
    throw new Error(
      `spark-server.sh acquire --profile ${profile} printed no "<url> started|restarted|reused" line: ${stdout}`,
    );
  }
  return { profile, url: match[1]!, started: match[2] !== "reused" };
}

/** Drops `holder`'s claim; the script stops the server if nobody else needs it and a test run started it. */
export async function releaseSparkServer(profile: ServerProfile, holder = process.pid): Promise<void> {
  await runScript(["release", "--profile", profile, "--holder", String(holder)]);
}

/** Installs the PySpark venv if missing (both servers need it; doing it once avoids two parallel installs). */
export async function ensurePySparkEnv(): Promise<string> {
  return (await runScript([], path.join(repoRoot, "scripts/pyspark-env.sh"))).trim();
}

function runScript(args: string[], script = serverScript): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile("bash", [script, ...args], { maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) {
        reject(new Error(`${path.basename(script)} ${args.join(" ")} failed (${error.message.split("\n")[0]})`));
      } else {
        resolve(stdout);
      }
    });
    // Progress and start-up failures (with the server log's tail) go straight to the terminal.
    child.stderr?.pipe(process.stderr);
  });
}

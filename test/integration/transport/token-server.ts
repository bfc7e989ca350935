/**
 * Starts a private Spark 4.1.1 Connect server that demands a pre-shared bearer token
 * (`spark.connect.authenticate.token`), for the authentication tests. Bound to 127.0.0.1 on a free port, state in
 * a temporary directory, stopped by its own process id. (Candidate for an `auth` profile of spark-server.sh.)
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface TokenServer {
  readonly port: number;
  readonly token: string;
  stop(): Promise<void>;
}

export async function startTokenServer(token: string, startTimeoutMs = 240_000): Promise<TokenServer> {
  const venv = execFileSync("bash", [path.join(repoRoot, "scripts/pyspark-env.sh")], { encoding: "utf8" }).trim();
  const sparkHome = path.join(venv, "lib/python3.11/site-packages/pyspark");
  const port = await freeLoopbackPort();
  const state = mkdtempSync(path.join(tmpdir(), "sparkts-token-server-"));
  const { SPARK_REMOTE: _ignored, ...env } = process.env; // spark-submit refuses --master when SPARK_REMOTE is set
  const child = spawn(
    path.join(sparkHome, "bin/spark-submit"),
    [
      "--master",
      "local[1]",
      ...confs({
        "spark.driver.memory": "1g",
        "spark.connect.grpc.binding.address": "127.0.0.1",
        "spark.connect.grpc.binding.port": String(port),
        "spark.driver.host": "127.0.0.1",
        "spark.driver.bindAddress": "127.0.0.1",
        "spark.ui.enabled": "false",
        "spark.connect.authenticate.token": token,
        "spark.sql.warehouse.dir": path.join(state, "warehouse"),
        "spark.local.dir": path.join(state, "tmp"),
        "spark.driver.extraJavaOptions": `-Dderby.system.home=${path.join(state, "derby")}`,
      }),
      "--class",
      "org.apache.spark.sql.connect.service.SparkConnectServer",
      "spark-internal",
    ],
    {
      cwd: state,
      env: { ...env, SPARK_HOME: sparkHome, SPARK_LOCAL_IP: "127.0.0.1" },
      detached: true,
      stdio: "ignore",
    },
  );
  const stop = async () => {
    await stopProcessGroup(child);
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, startTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, token, stop };
}

function confs(values: Record<string, string>): string[] {
  return Object.entries(values).flatMap(([key, value]) => ["--conf", `${key}=${value}`]);
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`token server exited with code ${child.exitCode} during start-up`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`token server did not open 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** spark-submit forks the JVM; it runs in its own process group (detached), so signal the whole group. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.exitCode === null && child.pid && process.kill(-child.pid, "SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

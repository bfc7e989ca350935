import { defineConfig } from "vitest/config";

// Two projects: fast unit tests with no server, and integration tests against a real Spark 4.1.1 Connect server
// (started by test/global-setup.ts unless SPARK_REMOTE points at one already).
export default defineConfig({
  test: {
    // Global teardown may stop a Spark server (SIGTERM, then up to 30 s); vitest's 10 s default would cut it short.
    teardownTimeout: 60_000,
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "runtime/**/*.test.ts",
            "generator/**/*.test.ts",
            "registry/**/*.test.ts",
            "test/unit/**/*.test.ts",
          ],
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "parity-tests/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

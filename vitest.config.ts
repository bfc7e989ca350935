import { defineConfig } from "vitest/config";

// Fast unit tests with no server, and integration tests against a real Spark 4.1.1 Connect server (started by
// test/global-setup.ts unless SPARK_REMOTE points at one already), the main suites also on the reattach profile.
export default defineConfig({
  test: {
    // Global teardown may stop a Spark server (SIGTERM, then up to 30 s); vitest's 10 s default would cut it short.
    teardownTimeout: 60_000,
    projects: [
      {
        test: {
          name: "unit",
          // Engine tests start executor threads, each loading the engine through tsx: seconds on a loaded machine.
          testTimeout: 30_000,
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
      {
        // The DataFrame API, decoding, catalog and reader/writer suites once more against the server that ends
        // every response stream early (DESIGN.md §5): results must not change when every query reattaches.
        test: {
          name: "integration-reattach",
          include: [
            "test/integration/api/**/*.test.ts",
            "test/integration/arrow/**/*.test.ts",
            "test/integration/catalog/**/*.test.ts",
            "test/integration/readwriter/**/*.test.ts",
          ],
          env: { SPARKTS_TARGET_PROFILE: "reattach" },
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AnalysisException,
  ArithmeticException,
  ParseException,
  SparkConnectError,
} from "../../../runtime/errors/index.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { sparkRemote } from "../../support/session-url.js";
import { collect, rpcCounter, sqlPlan } from "./plans.js";

const counter = rpcCounter();
let backend: RemoteBackend;

beforeAll(async () => {
  backend = await RemoteBackend.connect(sparkRemote(), { onRpc: counter.onRpc });
});
afterAll(async () => {
  await backend.releaseSession().catch(() => undefined);
});

async function failureOf(query: string): Promise<SparkConnectError> {
  try {
    await collect(backend.execute(sqlPlan(query)));
  } catch (error) {
    if (error instanceof SparkConnectError) return error;
    throw error;
  }
  throw new Error(`expected '${query}' to fail`);
}

describe("server errors become PySpark's exception classes", () => {
  it("an unknown column is an AnalysisException with UNRESOLVED_COLUMN.WITH_SUGGESTION and 42703", async () => {
    const fetchesBefore = counter.of("fetchErrorDetails");
    const error = await failureOf("SELECT nope FROM range(3)");
    expect(error).toBeInstanceOf(AnalysisException);
    expect(error.errorClass).toBe("UNRESOLVED_COLUMN.WITH_SUGGESTION");
    expect(error.sqlState).toBe("42703");
    expect(error.messageParameters).toEqual({ objectName: "`nope`", proposal: "`id`" });
    expect(error.message).toContain("`nope` cannot be resolved");
    expect(error.queryContext).toEqual([
      expect.objectContaining({ contextType: "SQL", fragment: "nope", startIndex: 7, stopIndex: 10 }),
    ]);
    expect(error.grpcStatusCode).toBe(13);
    expect(counter.of("fetchErrorDetails")).toBe(fetchesBefore + 1);
  });

  it("bad SQL is a ParseException", async () => {
    const error = await failureOf("SELEC 1");
    expect(error).toBeInstanceOf(ParseException);
    expect(error).toBeInstanceOf(AnalysisException);
    expect(error.errorClass).toBe("PARSE_SYNTAX_ERROR");
    expect(error.sqlState).toBe("42601");
  });

  it("division by zero under ANSI mode is an ArithmeticException", async () => {
    await backend.config({
      opType: { case: "set", value: { pairs: [{ key: "spark.sql.ansi.enabled", value: "true" }] } },
    });
    const error = await failureOf("SELECT 1 / 0");
    expect(error).toBeInstanceOf(ArithmeticException);
    expect(error.errorClass).toBe("DIVIDE_BY_ZERO");
    expect(error.sqlState).toBe("22012");
  });

  it("analysis errors from AnalyzePlan are converted too", async () => {
    const failing = backend.analyze({ case: "schema", value: { plan: sqlPlan("SELECT nope FROM range(1)") } });
    await expect(failing).rejects.toBeInstanceOf(AnalysisException);
    await expect(failing).rejects.toMatchObject({ errorClass: "UNRESOLVED_COLUMN.WITH_SUGGESTION" });
  });

  it("carries the JVM stack trace when the server is asked to send it", async () => {
    await backend.config({
      opType: { case: "set", value: { pairs: [{ key: "spark.sql.connect.serverStacktrace.enabled", value: "true" }] } },
    });
    const error = await failureOf("SELECT nope FROM range(3)");
    expect(error.serverStackTrace).toMatch(/^org\.apache\.spark\.sql\.\S*AnalysisException\n\tat org\.apache\.spark\./);
  });

  it("releases the failed operation on the server", async () => {
    const releasesBefore = counter.of("releaseExecute");
    await failureOf("SELECT nope FROM range(3)");
    await backend.settled();
    expect(counter.of("releaseExecute")).toBe(releasesBefore + 1);
  });
});

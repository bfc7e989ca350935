import { create } from "@bufbuild/protobuf";
import { status as GrpcStatus } from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { ErrorInfoSchema } from "../../generated/proto/google/rpc/error_details_pb.js";
import { FetchErrorDetailsResponseSchema } from "../../generated/proto/spark/connect/base_pb.js";
import { grpcFailure } from "../transport/grpc-failure.test-helper.js";
import {
  AnalysisException,
  ConnectionError,
  convertServerError,
  errorFromGrpc,
  OperationInterruptedError,
  ParseException,
  PickleException,
  PythonException,
  SparkConnectError,
  SparkException,
  UnknownException,
} from "./index.js";

function info(classes: string[], metadata: Record<string, string> = {}) {
  return create(ErrorInfoSchema, {
    reason: classes[0] ?? "",
    domain: "org.apache.spark",
    metadata: { classes: JSON.stringify(classes), ...metadata },
  });
}

describe("convertServerError", () => {
  it("takes the first class in the hierarchy that has a counterpart", () => {
    const error = convertServerError(
      info(["org.apache.spark.sql.catalyst.parser.ParseException", "org.apache.spark.sql.AnalysisException"], {
        errorClass: "PARSE_SYNTAX_ERROR",
        sqlState: "42601",
        messageParameters: '{"error":"\'SELEC\'","hint":""}',
      }),
      "[PARSE_SYNTAX_ERROR] Syntax error",
      undefined,
    );
    expect(error).toBeInstanceOf(ParseException);
    expect(error).toMatchObject({
      errorClass: "PARSE_SYNTAX_ERROR",
      sqlState: "42601",
      messageParameters: { error: "'SELEC'", hint: "" },
      message: "[PARSE_SYNTAX_ERROR] Syntax error",
    });
  });

  it("skips unknown subclasses to reach a known ancestor", () => {
    const error = convertServerError(
      info(["org.apache.spark.sql.catalyst.ExtendedAnalysisException", "org.apache.spark.sql.AnalysisException"]),
      "m",
      undefined,
    );
    expect(error).toBeInstanceOf(AnalysisException);
  });

  it("reports a SparkException that wraps a pickling failure as PickleException", () => {
    const classes = ["org.apache.spark.SparkException"];
    expect(convertServerError(info(classes), "net.razorvine.pickle.PickleException: bad", undefined)).toBeInstanceOf(
      PickleException,
    );
    expect(convertServerError(info(classes), "other", undefined)).toBeInstanceOf(SparkException);
  });

  it("reports Python worker failures as PythonException", () => {
    const error = convertServerError(
      info(["org.apache.spark.api.python.PythonException"]),
      "ZeroDivisionError",
      undefined,
    );
    expect(error).toBeInstanceOf(PythonException);
    expect(error.message).toContain("ZeroDivisionError");
  });

  it("falls back to UnknownException prefixed with the reason", () => {
    const error = convertServerError(info(["com.example.Weird"], { errorClass: "X" }), "odd", undefined, 13);
    expect(error).toBeInstanceOf(UnknownException);
    expect(error.message).toBe("(com.example.Weird) odd");
    expect(error.grpcStatusCode).toBe(13);
  });

  it("maps interrupted operations to OperationInterruptedError", () => {
    const error = convertServerError(
      info(["org.apache.spark.SparkSQLException"], { errorClass: "OPERATION_CANCELED", sqlState: "HY008" }),
      "[OPERATION_CANCELED]",
      undefined,
    );
    expect(error).toBeInstanceOf(OperationInterruptedError);
    expect(error.sqlState).toBe("HY008");
  });

  it("prefers the full message, parameters, contexts and stack trace from FetchErrorDetails", () => {
    const enriched = create(FetchErrorDetailsResponseSchema, {
      rootErrorIdx: 0,
      errors: [
        {
          errorTypeHierarchy: ["org.apache.spark.sql.AnalysisException"],
          message: "the whole message",
          stackTrace: [{ declaringClass: "a.B", methodName: "run", fileName: "B.scala", lineNumber: 3 }],
          causeIdx: 1,
          sparkThrowable: {
            errorClass: "E",
            messageParameters: { p: "v" },
            queryContexts: [{ fragment: "nope", startIndex: 7, stopIndex: 10 }],
          },
        },
        {
          errorTypeHierarchy: ["java.lang.IllegalStateException"],
          message: "root cause",
          stackTrace: [{ declaringClass: "c.D", methodName: "go", lineNumber: 9 }],
        },
      ],
    });
    const error = convertServerError(info(["org.apache.spark.sql.AnalysisException"]), "truncated", enriched);
    expect(error.message).toBe("the whole message");
    expect(error.errorClass).toBe("E");
    expect(error.messageParameters).toEqual({ p: "v" });
    expect(error.queryContext).toEqual([expect.objectContaining({ contextType: "SQL", fragment: "nope" })]);
    expect(error.serverStackTrace).toBe(
      [
        "org.apache.spark.sql.AnalysisException",
        "\tat a.B.run(B.scala:3)",
        "Caused by: java.lang.IllegalStateException: root cause",
        "\tat c.D.go(Unknown Source:9)",
      ].join("\n"),
    );
  });
});

describe("errorFromGrpc", () => {
  it("asks for details by error id and keeps the truncated message when that fails", async () => {
    const asked: string[] = [];
    const failure = grpcFailure(GrpcStatus.INTERNAL, "short message", {
      errorInfo: info(["org.apache.spark.sql.AnalysisException"], { errorId: "e-1" }),
    });
    const error = await errorFromGrpc(failure, async (id) => {
      asked.push(id);
      throw new Error("server gone");
    });
    expect(asked).toEqual(["e-1"]);
    expect(error).toBeInstanceOf(AnalysisException);
    expect(error.message).toBe("short message");
  });

  it("turns UNAVAILABLE and DEADLINE_EXCEEDED without details into ConnectionError", async () => {
    const unavailable = await errorFromGrpc(grpcFailure(GrpcStatus.UNAVAILABLE, "connect ECONNREFUSED"));
    expect(unavailable).toBeInstanceOf(ConnectionError);
    expect(unavailable.message).toContain("ECONNREFUSED");
    expect(await errorFromGrpc(grpcFailure(GrpcStatus.DEADLINE_EXCEEDED, "slow"))).toBeInstanceOf(ConnectionError);
  });

  it("keeps other plain gRPC failures as SparkConnectError with their code", async () => {
    const error = await errorFromGrpc(grpcFailure(GrpcStatus.PERMISSION_DENIED, "no"));
    expect(error).toBeInstanceOf(SparkConnectError);
    expect((error as SparkConnectError).grpcStatusCode).toBe(GrpcStatus.PERMISSION_DENIED);
  });

  it("passes our own errors and non-gRPC errors through unchanged", async () => {
    const ours = new ParseException("x");
    const plain = new TypeError("y");
    expect(await errorFromGrpc(ours)).toBe(ours);
    expect(await errorFromGrpc(plain)).toBe(plain);
  });
});

/**
 * Turns a failed gRPC call into the exception class PySpark would raise for it. The server attaches an
 * `ErrorInfo` whose `reason` is the JVM class and whose metadata lists the class hierarchy (`classes`), the error
 * class, SQL state, message parameters and an `errorId`; the id lets us ask FetchErrorDetails for the untruncated
 * message, the server stack trace and the query contexts.
 */
import { status as GrpcStatus } from "@grpc/grpc-js";
import type { ErrorInfo } from "../../generated/proto/google/rpc/error_details_pb.js";
import {
  type FetchErrorDetailsResponse,
  type FetchErrorDetailsResponse_QueryContext,
  FetchErrorDetailsResponse_QueryContext_ContextType,
} from "../../generated/proto/spark/connect/base_pb.js";
import {
  AnalysisException,
  ArithmeticException,
  ArrayIndexOutOfBoundsException,
  ConnectionError,
  DateTimeException,
  IllegalArgumentException,
  InvalidPlanInput,
  NumberFormatException,
  OperationInterruptedError,
  ParseException,
  PickleException,
  PythonException,
  QueryExecutionException,
  ServerSessionChangedError,
  SparkException,
  SparkNoSuchElementException,
  SparkRuntimeException,
  SparkUpgradeException,
  StreamingPythonRunnerInitializationException,
  StreamingQueryException,
  UnknownException,
  UnsupportedOperationException,
} from "./exceptions.js";
import { isGrpcFailure, readStatusDetails } from "./grpc-status-details.js";
import { formatServerStackTrace } from "./server-stack-trace.js";
import { type QueryContext, SparkConnectError, type SparkErrorDetails } from "./spark-error.js";

type SparkErrorClass = new (message: string, details?: SparkErrorDetails) => SparkConnectError;

/** JVM class name → our class; the first entry of `classes` found here wins, as in PySpark. */
const CLASS_BY_JVM_NAME: ReadonlyMap<string, SparkErrorClass> = new Map<string, SparkErrorClass>([
  ["org.apache.spark.sql.catalyst.parser.ParseException", ParseException],
  ["org.apache.spark.sql.AnalysisException", AnalysisException],
  ["org.apache.spark.sql.streaming.StreamingQueryException", StreamingQueryException],
  ["org.apache.spark.sql.execution.QueryExecutionException", QueryExecutionException],
  ["java.lang.NumberFormatException", NumberFormatException],
  ["java.lang.IllegalArgumentException", IllegalArgumentException],
  ["java.lang.ArithmeticException", ArithmeticException],
  ["java.lang.UnsupportedOperationException", UnsupportedOperationException],
  ["java.lang.ArrayIndexOutOfBoundsException", ArrayIndexOutOfBoundsException],
  ["java.time.DateTimeException", DateTimeException],
  ["org.apache.spark.SparkRuntimeException", SparkRuntimeException],
  ["org.apache.spark.SparkUpgradeException", SparkUpgradeException],
  ["org.apache.spark.api.python.PythonException", PythonException],
  ["org.apache.spark.SparkNoSuchElementException", SparkNoSuchElementException],
  ["org.apache.spark.SparkException", SparkException],
  ["org.apache.spark.sql.connect.common.InvalidPlanInput", InvalidPlanInput],
  [
    "org.apache.spark.api.python.StreamingPythonRunner$StreamingPythonRunnerInitializationException",
    StreamingPythonRunnerInitializationException,
  ],
]);

/** A SparkException whose message names one of these third-party classes is reported as that class. */
const THIRD_PARTY_CLASS_BY_NAME: ReadonlyMap<string, SparkErrorClass> = new Map([
  ["net.razorvine.pickle.PickleException", PickleException],
]);

/** gRPC codes that mean the server could not be reached or the call never completed. */
const TRANSPORT_CODES: ReadonlySet<number> = new Set([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED]);

export type ErrorDetailsFetcher = (errorId: string) => Promise<FetchErrorDetailsResponse | undefined>;

/**
 * The exception to raise for `error`. Non-gRPC errors pass through unchanged. `fetchDetails` is called when the
 * server offered an error id; if it fails the truncated message from the status is used, as PySpark does.
 */
export async function errorFromGrpc(error: unknown, fetchDetails?: ErrorDetailsFetcher): Promise<Error> {
  if (error instanceof SparkConnectError || !isGrpcFailure(error)) {
    return error instanceof Error ? error : new SparkConnectError(String(error), { cause: error });
  }
  const details = readStatusDetails(error);
  const message = details?.status.message || error.details;
  if (details?.errorInfo !== undefined) {
    const errorId = details.errorInfo.metadata.errorId;
    const enriched =
      errorId !== undefined && fetchDetails !== undefined ? await fetchQuietly(fetchDetails, errorId) : undefined;
    return convertServerError(details.errorInfo, message, enriched, error.code);
  }
  if (TRANSPORT_CODES.has(error.code)) {
    return new ConnectionError(`Spark Connect server unreachable (${GrpcStatus[error.code]}): ${message}`, {
      grpcStatusCode: error.code,
      cause: error,
    });
  }
  return new SparkConnectError(message, { grpcStatusCode: error.code, cause: error });
}

async function fetchQuietly(
  fetch: ErrorDetailsFetcher,
  errorId: string,
): Promise<FetchErrorDetailsResponse | undefined> {
  try {
    return await fetch(errorId);
  } catch {
    return undefined;
  }
}

/** Builds the exception from an ErrorInfo plus, when available, the FetchErrorDetails answer. Pure. */
export function convertServerError(
  info: ErrorInfo,
  truncatedMessage: string,
  enriched: FetchErrorDetailsResponse | undefined,
  grpcStatusCode: number = GrpcStatus.UNKNOWN,
): SparkConnectError {
  const classes = parseJson<string[]>(info.metadata.classes, []);
  const root = enriched?.rootErrorIdx === undefined ? undefined : enriched.errors[enriched.rootErrorIdx];
  const throwable = root?.sparkThrowable;
  const message = root?.message ?? truncatedMessage;
  const details: SparkErrorDetails = {
    errorClass: info.metadata.errorClass ?? throwable?.errorClass,
    sqlState: info.metadata.sqlState ?? throwable?.sqlState,
    messageParameters:
      throwable !== undefined
        ? { ...throwable.messageParameters }
        : parseJson<Record<string, string>>(info.metadata.messageParameters, {}),
    serverStackTrace:
      enriched !== undefined && root !== undefined ? formatServerStackTrace(enriched) : info.metadata.stackTrace,
    queryContext: (throwable?.queryContexts ?? []).map(toQueryContext),
    grpcStatusCode,
  };

  // PySpark leaves an interrupted operation as an unmapped SparkSQLException; one class for every way an
  // operation can be interrupted (Interrupt RPC by id, tag or all, or an AbortSignal) is easier to handle.
  if (details.errorClass === "OPERATION_CANCELED") return new OperationInterruptedError(message, details);
  // The server noticed our pinned server-side session is gone (restart, or the session was reset).
  if (details.errorClass === "INVALID_HANDLE.SESSION_CHANGED") return new ServerSessionChangedError(message, details);
  if (classes.includes("org.apache.spark.api.python.PythonException")) {
    return new PythonException(`An exception was thrown from the Python worker:\n${message}`, details);
  }
  for (const jvmName of classes) {
    let ErrorClass = CLASS_BY_JVM_NAME.get(jvmName);
    if (ErrorClass === SparkException) {
      for (const [thirdPartyName, ThirdPartyClass] of THIRD_PARTY_CLASS_BY_NAME) {
        if (message.includes(thirdPartyName)) ErrorClass = ThirdPartyClass;
      }
    }
    if (ErrorClass !== undefined) return new ErrorClass(message, details);
  }
  return new UnknownException(`(${info.reason}) ${message}`, details);
}

function toQueryContext(context: FetchErrorDetailsResponse_QueryContext): QueryContext {
  const isSql = context.contextType === FetchErrorDetailsResponse_QueryContext_ContextType.SQL;
  return isSql
    ? {
        contextType: "SQL",
        objectType: context.objectType,
        objectName: context.objectName,
        startIndex: context.startIndex,
        stopIndex: context.stopIndex,
        fragment: context.fragment,
        summary: context.summary,
      }
    : { contextType: "DataFrame", fragment: context.fragment, callSite: context.callSite, summary: context.summary };
}

function parseJson<T>(raw: string | undefined, fallback: T): T {
  if (raw === undefined || raw === "") return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

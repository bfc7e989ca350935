/**
 * The exception classes PySpark's Connect client raises, mirrored one to one. Which class a server error maps to
 * is decided in `runtime/errors/from-grpc.ts`.
 */
import { SparkConnectError } from "./spark-error.js";

export class AnalysisException extends SparkConnectError {}
export class ParseException extends AnalysisException {}
export class TempTableAlreadyExistsException extends AnalysisException {}
export class IllegalArgumentException extends SparkConnectError {}
export class ArithmeticException extends SparkConnectError {}
export class UnsupportedOperationException extends SparkConnectError {}
export class ArrayIndexOutOfBoundsException extends SparkConnectError {}
export class DateTimeException extends SparkConnectError {}
export class NumberFormatException extends IllegalArgumentException {}
export class SparkRuntimeException extends SparkConnectError {}
export class SparkUpgradeException extends SparkConnectError {}
export class SparkNoSuchElementException extends SparkConnectError {}
export class StreamingQueryException extends SparkConnectError {}
export class QueryExecutionException extends SparkConnectError {}
export class PythonException extends SparkConnectError {}
/** Spark's generic `org.apache.spark.SparkException`. */
export class SparkException extends SparkConnectError {}
/** The server could not turn the plan it received into a query (`InvalidPlanInput`). */
export class InvalidPlanInput extends SparkConnectError {}
export class PickleException extends SparkConnectError {}
export class StreamingPythonRunnerInitializationException extends SparkConnectError {}
/** A server error whose JVM class has no counterpart here; the message starts with `(reason)`. */
export class UnknownException extends SparkConnectError {}
/** Raised by the client itself for bad arguments, before anything reaches a backend. */
export class ClientArgumentError extends SparkConnectError {}
/** A connection string that cannot be parsed; the message names the bad part. */
export class InvalidConnectionStringError extends ClientArgumentError {}
/** A transport-level failure (unreachable endpoint, deadline, cancelled stream) after retries ran out. */
export class ConnectionError extends SparkConnectError {}
/** A response carried a server-side session id other than the one this client pinned (server restarted). */
export class ServerSessionChangedError extends SparkConnectError {}
/** The operation was interrupted (interruptAll/Tag/Operation or an AbortSignal). */
export class OperationInterruptedError extends SparkConnectError {}

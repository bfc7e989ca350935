/**
 * One error family for both backends. The embedded engine raises the same classes, error classes and SQL states
 * Spark would, so parity tests can compare failures as well as results.
 */
export interface SparkErrorDetails {
  /** Spark's error class, e.g. `UNRESOLVED_COLUMN.WITH_SUGGESTION`. */
  readonly errorClass?: string | undefined;
  /** The five-character SQLSTATE, e.g. `42703`. */
  readonly sqlState?: string | undefined;
  readonly messageParameters?: Readonly<Record<string, string>> | undefined;
  /** The server-side stack trace when the server sent one (FetchErrorDetails). */
  readonly serverStackTrace?: string | undefined;
  /** Where in a SQL text the problem is (1-based line, 0-based column as Spark reports them). */
  readonly queryContext?: readonly QueryContext[] | undefined;
  /** The gRPC status code the server answered with, when the error came over the wire. */
  readonly grpcStatusCode?: number | undefined;
  readonly cause?: unknown;
}

export interface QueryContext {
  /** `SQL` for a position in SQL text, `DataFrame` for a DataFrame call site. */
  readonly contextType?: "SQL" | "DataFrame";
  readonly objectType?: string;
  readonly objectName?: string;
  readonly startIndex?: number;
  readonly stopIndex?: number;
  readonly fragment?: string;
  readonly line?: number;
  readonly column?: number;
  /** DataFrame contexts: the user code location that built the failing expression. */
  readonly callSite?: string;
  /** Spark's one-line rendering of the context. */
  readonly summary?: string;
}

export class SparkConnectError extends Error {
  readonly errorClass: string | undefined;
  readonly sqlState: string | undefined;
  readonly messageParameters: Readonly<Record<string, string>>;
  readonly serverStackTrace: string | undefined;
  readonly queryContext: readonly QueryContext[];
  readonly grpcStatusCode: number | undefined;

  constructor(message: string, details: SparkErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.errorClass = details.errorClass;
    this.sqlState = details.sqlState;
    this.messageParameters = details.messageParameters ?? {};
    this.serverStackTrace = details.serverStackTrace;
    this.queryContext = details.queryContext ?? [];
    this.grpcStatusCode = details.grpcStatusCode;
  }
}

/**
 * The clock, the session's time zone and who and what is running: current_date/curdate, current_timestamp/now,
 * localtimestamp, current_timezone, version and current_user/user/session_user. Like Spark, one instant is taken
 * when the query is analysed, so every row (and every clock call in the query) sees the same moment.
 */
import { userInfo } from "node:os";
import { resolveUserId } from "../../transport/session.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { unresolvedRoutine } from "../errors.js";
import type { Literal } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { timestampToDays, toLocalMicros } from "./datetime-format.js";
import { call, type ResolveContext, type ScalarFunction } from "./function-types.js";
import { constantColumn } from "./kernel-helpers.js";

/** What Spark 4.1.1's version() answers: the release and the commit it was built from. */
export const SPARK_VERSION_STRING = "4.1.1 c0690c763bafabd08e7079d1137fa0a769a05bae";

/** The instant of analysis in microseconds; its literal also gives the kernel the batch length. */
function nowLiteral(ctx: ResolveContext): Literal {
  const value = ctx.instantMicros ?? BigInt(Date.now()) * 1000n;
  return { kind: "literal", value, type: T.LONG, nullable: false };
}

/** A clock function: the analysis instant turned into the result type in the session time zone. */
function clock(kernelName: string, shown: string, type: T.DataType): ScalarFunction {
  return {
    resolve: (_args, ctx: ResolveContext) => call(kernelName, [nowLiteral(ctx)], type, `${shown}()`, ctx, false),
  };
}

function instantOf(column: ColumnVector): bigint {
  return (column.data as BigInt64Array)[0] ?? 0n;
}

/** Kernels reached only through the functions above: calling one by name is Spark's unknown-function error. */
function internalOnly(name: string): ScalarFunction["resolve"] {
  return () => {
    throw unresolvedRoutine(name);
  };
}

const clockKernels: Record<string, ScalarFunction> = {
  clock_current_date: {
    resolve: internalOnly("clock_current_date"),
    kernel: ([now], _call, ctx) => {
      const column = now as ColumnVector;
      return constantColumn(T.DATE, timestampToDays(instantOf(column), ctx.timeZone), column.length);
    },
  },
  clock_current_timestamp: {
    resolve: internalOnly("clock_current_timestamp"),
    kernel: ([now]) => {
      const column = now as ColumnVector;
      return constantColumn(T.TIMESTAMP, instantOf(column), column.length);
    },
  },
  clock_localtimestamp: {
    resolve: internalOnly("clock_localtimestamp"),
    kernel: ([now], _call, ctx) => {
      const column = now as ColumnVector;
      return constantColumn(T.TIMESTAMP_NTZ, toLocalMicros(instantOf(column), ctx.timeZone), column.length);
    },
  },
  session_time_zone: {
    resolve: internalOnly("session_time_zone"),
    kernel: ([now], _call, ctx) => constantColumn(T.STRING, ctx.timeZone, (now as ColumnVector).length),
  },
};

/** A function whose value is known at analysis: a string literal that session-info's kernel passes through. */
function constantText(value: string, shown: string): ScalarFunction {
  return {
    resolve: (_args, ctx) =>
      call(
        "constant_string",
        [{ kind: "literal", value, type: T.STRING, nullable: false }],
        T.STRING,
        `${shown}()`,
        ctx,
        false,
      ),
  };
}

/**
 * The embedded engine runs as the process user: named the way the Connect client names itself to a server, else
 * (no SPARK_USER or USER) the account the process runs under, as a server falls back to its own user.
 */
const processUser = (): string => resolveUserId(undefined, process.env) || userInfo().username;

const currentUser: ScalarFunction = {
  resolve: (args, ctx, name) => constantText(processUser(), name).resolve(args, ctx, name),
};

export const sessionClockFunctions: Record<string, ScalarFunction> = {
  ...clockKernels,
  current_date: clock("clock_current_date", "current_date", T.DATE),
  curdate: clock("clock_current_date", "current_date", T.DATE),
  current_timestamp: clock("clock_current_timestamp", "current_timestamp", T.TIMESTAMP),
  now: clock("clock_current_timestamp", "now", T.TIMESTAMP),
  localtimestamp: clock("clock_localtimestamp", "localtimestamp", T.TIMESTAMP_NTZ),
  current_timezone: clock("session_time_zone", "current_timezone", T.STRING),
  version: constantText(SPARK_VERSION_STRING, "version"),
  current_user: currentUser,
  user: currentUser,
  session_user: currentUser,
};

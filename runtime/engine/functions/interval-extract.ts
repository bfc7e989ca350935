/**
 * extract / date_part over intervals: the year, month, day, hour, minute or second part, each as Spark types
 * it (INT years and days, TINYINT months, hours and minutes, DECIMAL(8,6) seconds). An ANSI interval only
 * yields the fields inside its own range.
 */
import { AnalysisException } from "../../errors/index.js";
import type { CalendarIntervalValue, ColumnVector } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { call, type Kernel, type ResolveContext, type ScalarFunction } from "./function-types.js";
import { mapValues } from "./kernel-helpers.js";

type Part = "year" | "month" | "day" | "hour" | "minute" | "second";
const KERNEL = "extract:interval";
const HOUR = 3_600_000_000n;
const MINUTE = 60_000_000n;
const DAY = 86_400_000_000n;

/** Where each part sits in Spark's field numbering of its interval family. */
const FIELD_INDEX: Record<Part, number> = { year: 0, month: 1, day: 0, hour: 1, minute: 2, second: 3 };

function resultType(part: Part): T.DataType {
  if (part === "second") return T.decimalType(8, 6);
  if (part === "year" || part === "day") return T.INT;
  return T.BYTE;
}

export function resolveIntervalExtract(
  target: string,
  spelled: string,
  source: Expr,
  display: string,
  ctx: ResolveContext,
): Expr {
  const part = target as Part;
  const calendar = source.type.kind.case === "calendarInterval";
  let allowed = target in FIELD_INDEX;
  if (allowed && !calendar) {
    const yearMonthPart = part === "year" || part === "month";
    const { start, end } = T.intervalFields(source.type);
    const index = FIELD_INDEX[part];
    allowed = yearMonthPart === (source.type.kind.case === "yearMonthInterval") && start <= index && index <= end;
  }
  if (!allowed) {
    throw sparkError(
      AnalysisException,
      "INVALID_EXTRACT_FIELD",
      "42601",
      `Cannot extract \`${spelled}\` from "${displayOf(source)}".`,
      { field: `\`${spelled}\``, expr: `"${displayOf(source)}"` },
    );
  }
  const partLiteral: Expr = { kind: "literal", value: part, type: T.STRING, nullable: false };
  return call(KERNEL, [source, partLiteral], resultType(part), display, ctx, source.nullable);
}

/** One part of a year-month (months), day-time (microseconds) or calendar interval value. */
function partOf(part: Part, value: unknown, type: T.DataType): number | bigint {
  let months = 0;
  let days = 0n;
  let micros = 0n;
  if (type.kind.case === "yearMonthInterval") months = value as number;
  else if (type.kind.case === "dayTimeInterval") {
    micros = (value as bigint) % DAY;
    days = (value as bigint) / DAY;
  } else {
    const [m, d, u] = value as CalendarIntervalValue;
    months = m;
    days = BigInt(d);
    micros = u;
  }
  switch (part) {
    case "year":
      return Math.trunc(months / 12);
    case "month":
      return months % 12;
    case "day":
      return Number(days);
    case "hour":
      // A calendar interval's microseconds may hold more than a day: only the hour of the day counts.
      return Number((micros / HOUR) % 24n);
    case "minute":
      return Number((micros / MINUTE) % 60n);
    case "second":
      return micros % MINUTE;
  }
}

const extractKernel: Kernel = ([source, part], c) => {
  const column = source as ColumnVector;
  const name = (part as ColumnVector).data as unknown as readonly string[];
  return mapValues<unknown, number | bigint>(column, c.type, (v) => partOf(name[0] as Part, v, column.type));
};

export const intervalExtractFunctions: Record<string, ScalarFunction> = {
  [KERNEL]: {
    resolve: () => {
      throw sparkError(AnalysisException, "UNRESOLVED_ROUTINE", "42883", `No function ${KERNEL}.`);
    },
    kernel: extractKernel,
  },
};

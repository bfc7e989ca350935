/**
 * `make_timestamp` and its three siblings take either six date-time fields or a date and a time. PySpark tells the
 * forms apart by keyword arguments; in TypeScript the second form is an object `{ date, time }` in first place.
 */
import type { Expression } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Column } from "../api/column.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import { columnOrName } from "./argument-encoders.js";
import { callBuiltin } from "./call-builtin.js";

type ColumnOrName = Column | string;

/** The date-and-time form: a DATE column, a TIME column, and (where allowed) a time zone. */
export interface DateAndTime {
  readonly date: ColumnOrName;
  readonly time: ColumnOrName;
  readonly timezone?: ColumnOrName;
}

const FIELD_NAMES = ["years", "months", "days", "hours", "mins", "secs"] as const;

function isDateAndTime(value: unknown): value is DateAndTime {
  return typeof value === "object" && value !== null && "date" in value && "time" in value;
}

function required(value: unknown, functionName: string, argName: string): Expression {
  if (value === undefined || value === null) {
    throw new ClientArgumentError(`${functionName}: ${argName} is required in this form, got ${describeType(value)}.`, {
      errorClass: "NOT_COLUMN_OR_STR",
      messageParameters: { arg_name: argName, arg_type: describeType(value) },
    });
  }
  return columnOrName(value, argName);
}

/** A builder for one of the four functions; `withZone` says whether it takes a time zone. */
export function timestampBuilder(name: string, withZone: boolean) {
  return (first: ColumnOrName | DateAndTime, ...rest: (ColumnOrName | undefined)[]): Column => {
    if (isDateAndTime(first)) {
      if (rest.some((value) => value !== undefined)) {
        throw new ClientArgumentError(`${name}: give either the six date-time fields or { date, time }, not both.`, {
          errorClass: "CANNOT_SET_TOGETHER",
          messageParameters: { arg_list: "years|months|days|hours|mins|secs and date|time" },
        });
      }
      if (!withZone && first.timezone !== undefined) {
        throw new ClientArgumentError(`${name} takes no time zone.`, { errorClass: "UNEXPECTED_ARGUMENT" });
      }
      const parts = [required(first.date, name, "date"), required(first.time, name, "time")];
      if (first.timezone !== undefined) parts.push(columnOrName(first.timezone, "timezone"));
      return callBuiltin(name, parts);
    }
    const values = [first, ...rest];
    const fields = FIELD_NAMES.map((field, index) => required(values[index], name, field));
    const timezone = withZone ? values[FIELD_NAMES.length] : undefined;
    if (!withZone && values.length > FIELD_NAMES.length && values[FIELD_NAMES.length] !== undefined) {
      throw new ClientArgumentError(`${name} takes no time zone.`, { errorClass: "UNEXPECTED_ARGUMENT" });
    }
    return callBuiltin(name, timezone === undefined ? fields : [...fields, columnOrName(timezone, "timezone")]);
  };
}

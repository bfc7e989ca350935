/**
 * Interval values as Spark writes them: ANSI intervals in their literal form (`INTERVAL '3 02' DAY TO HOUR`, as
 * `show()`, CAST AS STRING and column names print them) and calendar intervals in their unit list form
 * (`1 years 2 months 3 days`). The formatting itself is shared with the client (runtime/format).
 */
import { CalendarInterval } from "../../arrow/calendar-interval.js";
import { formatDayTimeInterval, formatYearMonthInterval } from "../../format/interval-format.js";
import { DayTimeIntervalType, YearMonthIntervalType } from "../../types/index.js";
import type { CalendarIntervalValue } from "../columnar/column-vector.js";
import { type DataType, intervalFields } from "./data-types.js";

/** The text of one non-null interval value of `type`. */
export function intervalText(value: unknown, type: DataType): string {
  switch (type.kind.case) {
    case "yearMonthInterval": {
      const { start, end } = intervalFields(type);
      return formatYearMonthInterval(value as number, new YearMonthIntervalType(start, end));
    }
    case "dayTimeInterval": {
      const { start, end } = intervalFields(type);
      return formatDayTimeInterval(value as bigint, new DayTimeIntervalType(start, end));
    }
    default: {
      const [months, days, micros] = value as CalendarIntervalValue;
      return new CalendarInterval(months, days, micros).toString();
    }
  }
}

/** The SQL literal form used in column names: ANSI intervals as they print, calendar ones quoted. */
export function intervalLiteralSql(value: unknown, type: DataType): string {
  const text = intervalText(value, type);
  return type.kind.case === "calendarInterval" ? `INTERVAL '${text}'` : text;
}

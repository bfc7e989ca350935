/**
 * What a reader does with a record it cannot parse: PERMISSIVE keeps it (bad fields become NULL, the raw text
 * goes to the corrupt-record column when the schema has one), DROPMALFORMED drops it, FAILFAST stops the read.
 */
import { IllegalArgumentException, SparkException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import type { SourceOptions } from "./source-options.js";

export type ParseMode = "PERMISSIVE" | "DROPMALFORMED" | "FAILFAST";

export function parseModeOf(options: SourceOptions): ParseMode {
  const raw = options.string("mode", "PERMISSIVE").toUpperCase();
  if (raw === "PERMISSIVE" || raw === "DROPMALFORMED" || raw === "FAILFAST") return raw;
  throw new IllegalArgumentException(`The option mode must be PERMISSIVE, DROPMALFORMED or FAILFAST, not ${raw}.`);
}

export function malformedRecord(record: string, detail: string): Error {
  return sparkError(
    SparkException,
    "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
    "22023",
    `Malformed records are detected in record parsing: ${record}. Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'. (${detail})`,
    { badRecord: record, failFastMode: "FAILFAST" },
  );
}

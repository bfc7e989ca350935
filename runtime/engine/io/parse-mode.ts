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

/** Spark reports a FAILFAST stop as a failure to read the file, with the parse error as its cause. */
export function failedReadFile(path: string, cause: unknown): Error {
  return new SparkException(
    `[FAILED_READ_FILE.NO_HINT] Encountered error while reading file file://${path}. SQLSTATE: KD001`,
    { errorClass: "FAILED_READ_FILE.NO_HINT", sqlState: "KD001", messageParameters: { path: `file://${path}` }, cause },
  );
}

/** Runs a file's parse, turning a FAILFAST malformed-record error into Spark's FAILED_READ_FILE. */
export function readingFile<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SparkException && error.errorClass?.startsWith("MALFORMED_RECORD_IN_PARSING")) {
      throw failedReadFile(path, error);
    }
    throw error;
  }
}

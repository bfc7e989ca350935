/**
 * Save modes of `df.write.mode(...)`: what happens when the target already exists. Names are matched
 * case-insensitively; `errorifexists` and `default` are Spark's other spellings of `error`.
 */
import { WriteOperation_SaveMode } from "../../../generated/proto/spark/connect/commands_pb.js";
import { ClientArgumentError } from "../../errors/index.js";
import { describeType } from "../../plan/literals.js";

const SAVE_MODES: Readonly<Record<string, WriteOperation_SaveMode>> = {
  append: WriteOperation_SaveMode.APPEND,
  overwrite: WriteOperation_SaveMode.OVERWRITE,
  error: WriteOperation_SaveMode.ERROR_IF_EXISTS,
  errorifexists: WriteOperation_SaveMode.ERROR_IF_EXISTS,
  default: WriteOperation_SaveMode.ERROR_IF_EXISTS,
  ignore: WriteOperation_SaveMode.IGNORE,
};

/** The proto save mode for a user's mode name, or a clear error listing the accepted names. */
export function parseSaveMode(saveMode: unknown): WriteOperation_SaveMode {
  if (typeof saveMode !== "string") {
    throw new ClientArgumentError(`saveMode must be a string, got ${describeType(saveMode)}.`, {
      errorClass: "NOT_STR",
      messageParameters: { arg_name: "saveMode", arg_type: describeType(saveMode) },
    });
  }
  const mode = SAVE_MODES[saveMode.toLowerCase()];
  if (mode === undefined) {
    throw new ClientArgumentError(
      `Unknown save mode '${saveMode}'. Accepted save modes are 'append', 'overwrite', 'error', 'errorifexists', 'default' and 'ignore'.`,
      { errorClass: "UNSUPPORTED_OPERATION", messageParameters: { operation: saveMode } },
    );
  }
  return mode;
}

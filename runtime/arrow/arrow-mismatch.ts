/**
 * The error raised when Arrow data does not have the layout the Spark type promises (a server or engine bug,
 * never something to paper over by guessing).
 */
import type * as arrow from "apache-arrow";
import { SparkRuntimeException } from "../errors/index.js";
import type { SparkDataType } from "../types/index.js";

export function arrowMismatch(sparkType: SparkDataType, data: arrow.Data, detail = ""): SparkRuntimeException {
  const message = `Arrow column of type ${String(data.type)} cannot hold Spark type ${sparkType.simpleString()}${detail ? `: ${detail}` : ""}.`;
  return new SparkRuntimeException(`[ARROW_TYPE_MISMATCH] ${message}`, {
    errorClass: "ARROW_TYPE_MISMATCH",
    messageParameters: { arrowType: String(data.type), sparkType: sparkType.simpleString() },
  });
}

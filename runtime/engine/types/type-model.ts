/** The one place the engine imports the shared type model (runtime/types), so the dependency stays narrow. */

import type { SparkDataType } from "../../types/index.js";
import { dataTypeFromJson, dataTypeFromProto, dataTypeToProto, parseDDL, StructType } from "../../types/index.js";
import { formatTreeString } from "../../types/tree-string.js";

export { dataTypeFromJson, dataTypeFromProto, dataTypeToProto, parseDDL };

export function formatTreeStringOf(type: SparkDataType, level?: number): string {
  if (!(type instanceof StructType)) throw new TypeError("printSchema needs a struct schema");
  return formatTreeString(type, level);
}

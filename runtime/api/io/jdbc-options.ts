/**
 * The options a JDBC read or write sends: the connection `properties`, then `url` and `dbtable`, and for a
 * partitioned read the partition column with its bounds. A partition column without all three of its companions
 * is refused here, naming what is missing, instead of failing later on the server.
 */
import { ClientArgumentError } from "../../errors/index.js";
import { describeType } from "../../plan/literals.js";
import { requireString } from "../column.js";
import { requireOptionRecord } from "./option-values.js";

export interface JdbcPartitioning {
  readonly column?: string | undefined;
  readonly lowerBound?: number | string | undefined;
  readonly upperBound?: number | string | undefined;
  readonly numPartitions?: number | undefined;
}

export function jdbcOptions(
  url: string,
  table: string,
  partitioning: JdbcPartitioning,
  properties: unknown,
): Record<string, unknown> {
  requireString(url, "url");
  requireString(table, "table");
  const connection = requireOptionRecord(properties, "properties");
  const { column, lowerBound, upperBound, numPartitions } = partitioning;
  if (column === undefined || column === null) return { ...connection, url, dbtable: table };
  requireString(column, "column");
  for (const [name, value] of Object.entries({ lowerBound, upperBound, numPartitions })) {
    if (value === undefined || value === null) {
      throw new ClientArgumentError(`${name} must be given when column is specified for a partitioned JDBC read.`, {
        errorClass: "ARGUMENT_REQUIRED",
        messageParameters: { arg_name: name, condition_name: "column" },
      });
    }
  }
  if (typeof numPartitions !== "number" || !Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new ClientArgumentError(`numPartitions must be a positive integer, got ${describeType(numPartitions)}.`, {
      errorClass: "NOT_INT",
      messageParameters: { arg_name: "numPartitions", arg_type: describeType(numPartitions) },
    });
  }
  return {
    partitionColumn: column,
    lowerBound,
    upperBound,
    numPartitions,
    ...connection,
    url,
    dbtable: table,
  };
}

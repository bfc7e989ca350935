/**
 * Examples of DataFrameWriterV2 members. Creating members write `sparkts_golden_v2_*` tables of the session
 * catalog (dropped first by an unrecorded setup); replacing and appending ones, which the session catalog's
 * file tables do not support, write to the Derby JDBC catalog (derby-catalog.ts). No local table supports
 * overwrite by filter or dynamic partition overwrite: those examples expect the server's refusal, after
 * comparing the commands both clients send. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";
import { DERBY_CATALOG, derbyCatalogSetup } from "./derby-catalog.js";

/** Drops a session-catalog table so a `create` example can make it again. */
function dropSetup(table: string): { ts: string; python: string } {
  const drop = `spark.sql("DROP TABLE IF EXISTS ${table}")`;
  return { ts: drop, python: drop };
}

/** A Derby table made from two fixture columns, for the examples that replace or append to one. */
function derbyTableSetup(table: string): { ts: string; python: string } {
  const create = `df.select("id", "s").writeTo("${DERBY_CATALOG}.app.${table}").createOrReplace()`;
  return derbyCatalogSetup({ ts: create, python: create });
}

const UNSUPPORTED = "UNSUPPORTED_FEATURE.TABLE_OPERATION";

export const dataframeWriterV2Examples: ClassExamplesInput = {
  className: "DataFrameWriterV2",
  members: {
    append: [
      {
        setup: derbyTableSetup("sparkts_golden_v2_append"),
        ts: `df.select("id", "s").writeTo("${DERBY_CATALOG}.app.sparkts_golden_v2_append").append()`,
        python: `df.select("id", "s").writeTo("${DERBY_CATALOG}.app.sparkts_golden_v2_append").append()`,
      },
    ],
    clusterBy: [
      {
        setup: dropSetup("sparkts_golden_v2_cluster_by"),
        ts: 'df.select("id", "s").writeTo("sparkts_golden_v2_cluster_by").using("parquet").clusterBy("id").create()',
        python:
          'df.select("id", "s").writeTo("sparkts_golden_v2_cluster_by").using("parquet").clusterBy("id").create()',
      },
    ],
    create: [
      {
        setup: dropSetup("sparkts_golden_v2_create"),
        ts: 'df.select("id", "s").writeTo("sparkts_golden_v2_create").using("parquet").create()',
        python: 'df.select("id", "s").writeTo("sparkts_golden_v2_create").using("parquet").create()',
      },
    ],
    createOrReplace: [
      {
        setup: derbyCatalogSetup(),
        ts: `df.select("id", "s").writeTo("${DERBY_CATALOG}.app.sparkts_golden_v2_create_or_replace").createOrReplace()`,
        python: `df.select("id", "s").writeTo("${DERBY_CATALOG}.app.sparkts_golden_v2_create_or_replace").createOrReplace()`,
      },
    ],
    option: [
      {
        setup: dropSetup("sparkts_golden_v2_option"),
        ts: 'df.select("id", "s").writeTo("sparkts_golden_v2_option").using("parquet").option("compression", "snappy").create()',
        python:
          'df.select("id", "s").writeTo("sparkts_golden_v2_option").using("parquet").option("compression", "snappy").create()',
      },
    ],
    options: [
      {
        setup: dropSetup("sparkts_golden_v2_options"),
        ts: 'df.select("id", "s").writeTo("sparkts_golden_v2_options").using("parquet").options({ compression: "snappy", flag: true }).create()',
        python:
          'df.select("id", "s").writeTo("sparkts_golden_v2_options").using("parquet").options(compression="snappy", flag=True).create()',
      },
    ],
    overwrite: [
      {
        setup: derbyTableSetup("sparkts_golden_v2_overwrite"),
        ts: `df.select("id", "s").writeTo("${DERBY_CATALOG}.app.sparkts_golden_v2_overwrite").overwrite(F.col("id").eq(1))`,
        python: `df.select("id", "s").writeTo("${DERBY_CATALOG}.app.sparkts_golden_v2_overwrite").overwrite(F.col("id") == 1)`,
        expectedError: UNSUPPORTED,
      },
    ],
    overwritePartitions: [
      {
        setup: derbyTableSetup("sparkts_golden_v2_overwrite_partitions"),
        ts: `df.select("id", "s").writeTo("${DERBY_CATALOG}.app.sparkts_golden_v2_overwrite_partitions").overwritePartitions()`,
        python: `df.select("id", "s").writeTo("${DERBY_CATALOG}.app.sparkts_golden_v2_overwrite_partitions").overwritePartitions()`,
        expectedError: UNSUPPORTED,
      },
    ],
    partitionedBy: [
      {
        setup: dropSetup("sparkts_golden_v2_partitioned_by"),
        ts: 'df.select("id", "s", "b").writeTo("sparkts_golden_v2_partitioned_by").using("parquet").partitionedBy("b").create()',
        python:
          'df.select("id", "s", "b").writeTo("sparkts_golden_v2_partitioned_by").using("parquet").partitionedBy("b").create()',
      },
    ],
    replace: [
      {
        setup: derbyTableSetup("sparkts_golden_v2_replace"),
        ts: `df.select("id", "s", "b").writeTo("${DERBY_CATALOG}.app.sparkts_golden_v2_replace").replace()`,
        python: `df.select("id", "s", "b").writeTo("${DERBY_CATALOG}.app.sparkts_golden_v2_replace").replace()`,
      },
    ],
    tableProperty: [
      {
        setup: dropSetup("sparkts_golden_v2_table_property"),
        ts: 'df.select("id", "s").writeTo("sparkts_golden_v2_table_property").using("parquet").tableProperty("purpose", "golden").create()',
        python:
          'df.select("id", "s").writeTo("sparkts_golden_v2_table_property").using("parquet").tableProperty("purpose", "golden").create()',
      },
    ],
    using: [
      {
        setup: dropSetup("sparkts_golden_v2_using"),
        ts: 'df.select("id", "s").writeTo("sparkts_golden_v2_using").using("orc").create()',
        python: 'df.select("id", "s").writeTo("sparkts_golden_v2_using").using("orc").create()',
      },
    ],
  },
};

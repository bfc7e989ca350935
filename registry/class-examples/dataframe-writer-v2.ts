/**
 * Examples of DataFrameWriterV2 members. Creating members write `sparkts_golden_v2_*` tables of the session
 * catalog (dropped first by an unrecorded setup); replacing and appending ones, which the session catalog's
 * file tables do not support, write to the Derby JDBC catalog (derby-catalog.ts). Overwriting by condition and
 * dynamic partition overwrite need a table supporting them: those examples write to the test catalog
 * (test-catalog.ts) and read the table back. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";
import { DERBY_CATALOG, derbyCatalogSetup } from "./derby-catalog.js";
import { testCatalogTable, testCatalogTableSetup, thenReadBack } from "./test-catalog.js";

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

const OVERWRITE_TABLE = testCatalogTable("sparkts_golden_v2_overwrite");
const OVERWRITE_PARTITIONS_TABLE = testCatalogTable("sparkts_golden_v2_overwrite_partitions");

/**
 * A test-catalog table partitioned by `i` with rows in partitions 5, 7 and 0, for the overwrites. The catalog drops
 * partitions by equality on a partition column and compares string values wrongly, hence an INT key.
 */
function overwriteTargetSetup(table: string): { ts: string; python: string } {
  return testCatalogTableSetup(
    table,
    "SELECT * FROM VALUES (10, 'ten', 5), (11, 'eleven', 7), (12, 'twelve', 0) AS t(id, s, i)",
    "i",
  );
}

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
        setup: overwriteTargetSetup(OVERWRITE_TABLE),
        ...thenReadBack(
          {
            ts: `df.select("id", "s", "i").writeTo("${OVERWRITE_TABLE}").overwrite(F.col("i").eq(5))`,
            python: `df.select("id", "s", "i").writeTo("${OVERWRITE_TABLE}").overwrite(F.col("i") == 5)`,
          },
          OVERWRITE_TABLE,
        ),
      },
    ],
    overwritePartitions: [
      {
        setup: overwriteTargetSetup(OVERWRITE_PARTITIONS_TABLE),
        ...thenReadBack(
          {
            ts: `df.select("id", "s", "i").writeTo("${OVERWRITE_PARTITIONS_TABLE}").overwritePartitions()`,
            python: `df.select("id", "s", "i").writeTo("${OVERWRITE_PARTITIONS_TABLE}").overwritePartitions()`,
          },
          OVERWRITE_PARTITIONS_TABLE,
        ),
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

/**
 * MERGE INTO and the DataFrameWriterV2 overwrites with their effect on real tables: the servers register Spark's
 * row-level test catalog as `testcat` (scripts/lib/test-catalog-jar.sh), whose tables accept every MERGE clause,
 * overwrite by condition and dynamic partition overwrite. Each scenario runs in sparkts and in PySpark 4.1.1 on
 * the same server (each client's session has its own instance of the catalog, so their tables never meet), and
 * the tables read back must hold the same rows, value for value and type for type.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as F from "../../../generated/functions/index.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { emittedDataFrame, emittedError, type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { testSession } from "./fixture.js";
import { likePySpark } from "./golden-harness.js";

const TARGET = "testcat.ns.merge_target";
const PARTITIONED = "testcat.ns.overwrite_target";

/** Ids 1 to 6; the source matches 1, 2 and 3, leaves 4, 5 and 6 unmatched by source. */
const MAKE_TARGET = `CREATE OR REPLACE TABLE ${TARGET} AS SELECT * FROM VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'), (5, 'five'), (6, 'six') AS t(id, v)`;
/** `op` picks the clause each source row should take. */
const SOURCE = `SELECT * FROM VALUES (1, 'uno', 'del'), (2, 'dos', 'upd'), (3, 'tres', 'all'), (7, 'siete', 'ins'), (8, 'ocho', 'all') AS s(id, v, op)`;
/** A source with a column the target lacks, for schema evolution. */
const WIDER_SOURCE = `SELECT * FROM VALUES (2, 'dos', true), (9, 'nueve', false) AS s(id, v, flag)`;
/** Partitioned by `p` (an INT: the test catalog drops partitions by equality, which it gets wrong for strings). */
const MAKE_PARTITIONED = `CREATE OR REPLACE TABLE ${PARTITIONED} PARTITIONED BY (p) AS SELECT * FROM VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 2), (4, 'd', 3) AS t(id, v, p)`;
const NEW_ROWS = `SELECT * FROM VALUES (5, 'e', 2), (6, 'f', 4) AS s(id, v, p)`;
const NEW_ROWS_IN_3 = `SELECT * FROM VALUES (5, 'e', 3) AS s(id, v, p)`;

describe("MERGE INTO and v2 overwrites on a catalog with row-level operations", () => {
  let spark: SparkSession;
  let reference: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    reference = await runPySpark(`
      def read_back(table):
          return spark.table(table).orderBy("id")

      spark.sql("${MAKE_TARGET}")
      (spark.sql("${SOURCE}").alias("src").mergeInto("${TARGET}", F.expr("merge_target.id = src.id"))
          .whenMatched(F.expr("src.op = 'del'")).delete()
          .whenMatched(F.expr("src.op = 'upd'")).update({"v": F.concat(F.col("src.v"), F.lit("!"))})
          .whenMatched().updateAll()
          .whenNotMatched(F.expr("src.op = 'ins'")).insert({"id": F.col("src.id"), "v": F.upper(F.col("src.v"))})
          .whenNotMatched().insertAll()
          .whenNotMatchedBySource(F.expr("merge_target.id > 5")).delete()
          .whenNotMatchedBySource().update({"v": F.lit("orphan")})
          .merge())
      emit("everyClause", read_back("${TARGET}"))

      spark.sql("${MAKE_TARGET}")
      (spark.sql("${WIDER_SOURCE}").alias("src").mergeInto("${TARGET}", F.expr("merge_target.id = src.id"))
          .withSchemaEvolution().whenMatched().updateAll().whenNotMatched().insertAll().merge())
      emit("schemaEvolution", read_back("${TARGET}"))

      spark.sql("${MAKE_TARGET}")
      capture("noClause", lambda: spark.sql("${SOURCE}").alias("src").mergeInto("${TARGET}", F.expr("merge_target.id = src.id")).merge())
      emit("afterNoClause", read_back("${TARGET}"))

      spark.sql("${MAKE_PARTITIONED}")
      spark.sql("${NEW_ROWS}").writeTo("${PARTITIONED}").overwrite(F.col("p") == 2)
      emit("overwriteByCondition", read_back("${PARTITIONED}"))

      spark.sql("${MAKE_PARTITIONED}")
      spark.sql("${NEW_ROWS}").writeTo("${PARTITIONED}").overwrite(F.lit(True))
      emit("overwriteEverything", read_back("${PARTITIONED}"))

      spark.sql("${MAKE_PARTITIONED}")
      spark.sql("${NEW_ROWS_IN_3}").writeTo("${PARTITIONED}").overwritePartitions()
      emit("overwritePartitions", read_back("${PARTITIONED}"))
    `);
  });

  afterAll(async () => {
    await spark?.stop();
  });

  const readBack = (table: string) => likePySpark(spark.table(table).orderBy("id"));

  it("runs every clause kind, conditions included, in the order given", async () => {
    await spark.sql(MAKE_TARGET);
    await (await spark.sql(SOURCE))
      .alias("src")
      .mergeInto(TARGET, F.expr("merge_target.id = src.id"))
      .whenMatched(F.expr("src.op = 'del'"))
      .delete()
      .whenMatched(F.expr("src.op = 'upd'"))
      .update({ v: F.concat(F.col("src.v"), F.lit("!")) })
      .whenMatched()
      .updateAll()
      .whenNotMatched(F.expr("src.op = 'ins'"))
      .insert({ id: F.col("src.id"), v: F.upper(F.col("src.v")) })
      .whenNotMatched()
      .insertAll()
      .whenNotMatchedBySource(F.expr("merge_target.id > 5"))
      .delete()
      .whenNotMatchedBySource()
      .update({ v: F.lit("orphan") })
      .merge();
    const ours = await readBack(TARGET);
    expect(ours).toEqual(emittedDataFrame(reference, "everyClause"));
    // 1 deleted, 2 updated by its clause, 3 by updateAll; 7 inserted by its clause, 8 by insertAll; of the rows
    // without a source row, 6 deleted and 4, 5 updated.
    expect(ours.rows).toEqual([
      [2, "dos!"],
      [3, "tres"],
      [4, "orphan"],
      [5, "orphan"],
      [7, "SIETE"],
      [8, "ocho"],
    ]);
  });

  it("withSchemaEvolution adds the source's new column to the target", async () => {
    await spark.sql(MAKE_TARGET);
    await (await spark.sql(WIDER_SOURCE))
      .alias("src")
      .mergeInto(TARGET, F.expr("merge_target.id = src.id"))
      .withSchemaEvolution()
      .whenMatched()
      .updateAll()
      .whenNotMatched()
      .insertAll()
      .merge();
    const ours = await readBack(TARGET);
    expect(ours).toEqual(emittedDataFrame(reference, "schemaEvolution"));
    expect(ours.schema.fields.map((field) => field.name)).toEqual(["id", "v", "flag"]);
  });

  it("a merge without clauses fails as in PySpark and leaves the target as it was", async () => {
    await spark.sql(MAKE_TARGET);
    const merge = (await spark.sql(SOURCE)).alias("src").mergeInto(TARGET, F.expr("merge_target.id = src.id")).merge();
    await expect(merge).rejects.toMatchObject({ errorClass: emittedError(reference, "noClause").errorClass });
    expect(emittedError(reference, "noClause").errorClass).toBe("NO_MERGE_ACTION_SPECIFIED");
    expect(await readBack(TARGET)).toEqual(emittedDataFrame(reference, "afterNoClause"));
  });

  it("writeTo(...).overwrite(condition) replaces the rows matching the condition by the new rows", async () => {
    await spark.sql(MAKE_PARTITIONED);
    await (await spark.sql(NEW_ROWS)).writeTo(PARTITIONED).overwrite(F.col("p").eq(2));
    const ours = await readBack(PARTITIONED);
    expect(ours).toEqual(emittedDataFrame(reference, "overwriteByCondition"));
    expect(ours.rows.map((row) => row[0])).toEqual([1, 4, 5, 6]);

    await spark.sql(MAKE_PARTITIONED);
    await (await spark.sql(NEW_ROWS)).writeTo(PARTITIONED).overwrite(F.lit(true));
    expect(await readBack(PARTITIONED)).toEqual(emittedDataFrame(reference, "overwriteEverything"));
  });

  it("writeTo(...).overwritePartitions() replaces only the partitions the new rows fall in", async () => {
    await spark.sql(MAKE_PARTITIONED);
    await (await spark.sql(NEW_ROWS_IN_3)).writeTo(PARTITIONED).overwritePartitions();
    const ours = await readBack(PARTITIONED);
    expect(ours).toEqual(emittedDataFrame(reference, "overwritePartitions"));
    expect(ours.rows.map((row) => row[0])).toEqual([1, 2, 3, 5]);
  });
});

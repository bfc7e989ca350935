/**
 * createDataFrame builds the plan PySpark builds for the input forms the member goldens cannot express (their
 * scope has no types module or Arrow): a StructType schema, and Arrow tables with and without column names.
 * PySpark builds its plan live; the Arrow streams are compared decoded (the two writers' bytes differ).
 */
import { Field, Int64, Schema, Table, Utf8, vectorFromArray } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SparkSession } from "../../../runtime/api/session.js";
import { LongType, StringType, StructField, StructType } from "../../../runtime/types/index.js";
import { runPySpark } from "../../support/pyspark.js";
import { withDecodedLocalData } from "../parity/local-relation-data.js";
import { planJson, pysparkPlanJson, testSession } from "./fixture.js";

/** The same table on both sides: a non-null long column and a nullable string column. */
function arrowTable(): Table {
  const schema = new Schema([new Field("a", new Int64(), false), new Field("b", new Utf8(), true)]);
  return new Table(schema, {
    a: vectorFromArray([1n, 2n], new Int64()),
    b: vectorFromArray(["x", null], new Utf8()),
  });
}

describe("createDataFrame sends PySpark's plan", () => {
  let spark: SparkSession;
  let pyspark: Record<string, unknown>;

  beforeAll(async () => {
    spark = await testSession();
    pyspark = await runPySpark(`
      import pyarrow as pa
      from google.protobuf.json_format import MessageToJson
      def plan(df):
          return MessageToJson(df._plan.to_proto(spark.client))
      table = pa.table(
          {"a": pa.array([1, 2], pa.int64()), "b": pa.array(["x", None], pa.string())},
          schema=pa.schema([pa.field("a", pa.int64(), False), pa.field("b", pa.string())]),
      )
      struct = T.StructType([T.StructField("a", T.LongType()), T.StructField("b", T.StringType(), False)])
      emit("struct", plan(spark.createDataFrame([[1, "x"], [2, "y"]], struct)))
      emit("arrow", plan(spark.createDataFrame(table)))
      emit("arrowNames", plan(spark.createDataFrame(table, ["p"])))
    `);
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("for rows with a StructType schema: the LocalRelation carries it", () => {
    const schema = new StructType([
      new StructField("a", LongType.instance, true),
      new StructField("b", StringType.instance, false),
    ]);
    const df = spark.createDataFrame(
      [
        [1, "x"],
        [2, "y"],
      ],
      schema,
    );
    expect(withDecodedLocalData(planJson(df))).toEqual(withDecodedLocalData(pysparkPlanJson(pyspark.struct)));
  });

  it("for an Arrow table: a schema-less LocalRelation under a ToDF of the table's names", () => {
    const df = spark.createDataFrame(arrowTable());
    expect(withDecodedLocalData(planJson(df))).toEqual(withDecodedLocalData(pysparkPlanJson(pyspark.arrow)));
  });

  it("for an Arrow table with fewer names than columns: the rest are named by position", async () => {
    const df = spark.createDataFrame(arrowTable(), ["p"]);
    expect(withDecodedLocalData(planJson(df))).toEqual(withDecodedLocalData(pysparkPlanJson(pyspark.arrowNames)));
    expect(await df.columns).toEqual(["p", "_2"]);
  });
});

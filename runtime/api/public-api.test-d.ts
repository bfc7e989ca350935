/** Type-level checks of the public API (checked by `tsc`; nothing here runs). */
import { expectTypeOf } from "vitest";
import type { SparkSessionApiStatic } from "../../generated/api/spark-session.js";
import type { Expression } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Row } from "../arrow/index.js";
import type { StructType } from "../types/index.js";
import { Column } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import { col, lit } from "./functions.js";
import type { GroupedData } from "./grouped-data.js";
import { SparkSession } from "./session.js";

declare const spark: SparkSession;
declare const df: DataFrame;

// The code generator builds Columns from Expressions with exactly this constructor.
expectTypeOf(Column).constructorParameters.toEqualTypeOf<[expr: Expression]>();
expectTypeOf(col("a").plus(1)).toEqualTypeOf<Column>();
expectTypeOf(lit(1n)).toEqualTypeOf<Column>();

// Transformations return DataFrames synchronously; actions return promises.
expectTypeOf(df.select("a", col("b"))).toEqualTypeOf<DataFrame>();
expectTypeOf(df.groupBy("a")).toEqualTypeOf<GroupedData>();
expectTypeOf(df.groupBy("a").agg(col("b"))).toEqualTypeOf<DataFrame>();
expectTypeOf(df.collect()).toEqualTypeOf<Promise<Row[]>>();
expectTypeOf(df.count()).toEqualTypeOf<Promise<bigint>>();
expectTypeOf(df.head()).toEqualTypeOf<Promise<Row | undefined>>();
expectTypeOf(df.head(3)).toEqualTypeOf<Promise<Row[]>>();
expectTypeOf(df.schema).toEqualTypeOf<Promise<StructType>>();
expectTypeOf(df.toLocalIterator()).toEqualTypeOf<AsyncGenerator<Row>>();
expectTypeOf(spark.range(10)).toEqualTypeOf<DataFrame>();
expectTypeOf(spark.sql("SELECT 1")).toEqualTypeOf<Promise<DataFrame>>();
expectTypeOf(spark.version).toEqualTypeOf<Promise<string>>();

// The static side of SparkSession matches the generated interface too.
expectTypeOf(SparkSession).toExtend<SparkSessionApiStatic>();

// Wrong argument types do not compile.
// @ts-expect-error a join type must be a string
df.join(df, "id", 3);
// @ts-expect-error sample needs a fraction
df.sample(true);
// @ts-expect-error withColumn takes a Column, not a plain value
df.withColumn("x", 1);

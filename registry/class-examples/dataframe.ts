/**
 * Examples of DataFrame members over the parity fixture (`df`), each written for sparkts and for PySpark; the
 * member golden test checks both send the same plans and get the same result. Registry data, maintained by hand.
 */
import type { ClassExamplesInput } from "../schema.js";
import { DERBY_CATALOG, derbyCatalogSetup } from "./derby-catalog.js";
import { mergeExample } from "./merge-target.js";

/** A Derby table (derby-catalog.ts) for writeTo. */
const DERBY_TABLE = `${DERBY_CATALOG}.app.sparkts_golden_dataframe_v2`;

export const dataframeExamples: ClassExamplesInput = {
  className: "DataFrame",
  members: {
    // asTable has no example: nothing but a Python UDTF consumes its table argument, and a TypeScript client cannot
    // define one. In PySpark 4.1.1 only a UDTF call takes a TableArg (spark.tvf's builtins accept Columns only), and
    // Spark 4.1.1's server has no other consumer: every builtin table function (range, explode, inline, stack,
    // variant_explode, ...) wants scalar or collection arguments (TABLE(...) fails with NON_FOLDABLE_ARGUMENT or
    // DATATYPE_MISMATCH), and SQL table functions answer TABLE_VALUED_ARGUMENTS_NOT_YET_IMPLEMENTED_FOR_SQL_FUNCTIONS.
    // test/integration/api/dataframe-subqueries.test.ts compares its expression with PySpark's.
    agg: [
      {
        ts: 'df.agg(F.sum("i").alias("total"), F.max("s"))',
        python: 'df.agg(F.sum("i").alias("total"), F.max("s"))',
      },
      { ts: 'df.agg({ i: "avg", d: "max" })', python: 'df.agg({"i": "avg", "d": "max"})' },
    ],
    alias: [
      {
        ts: 'df.alias("a").join(df.alias("b"), F.col("a.id").eqNullSafe(F.col("b.i"))).select("a.id", "b.s")',
        python: 'df.alias("a").join(df.alias("b"), F.col("a.id").eqNullSafe(F.col("b.i"))).select("a.id", "b.s")',
      },
    ],
    // The servers run with spark.checkpoint.dir set, so a reliable checkpoint succeeds.
    checkpoint: [
      { ts: 'df.select("id", "b").checkpoint()', python: 'df.select("id", "b").checkpoint()' },
      { ts: 'df.select("id", "s").checkpoint(false)', python: 'df.select("id", "s").checkpoint(False)' },
    ],
    cache: [{ ts: 'df.select("id", "s").cache()', python: 'df.select("id", "s").cache()' }],
    coalesce: [{ ts: 'df.select("id").coalesce(1)', python: 'df.select("id").coalesce(1)' }],
    collect: [
      {
        ts: 'df.select("id", "i", "dt", "dec", "arr", "m", "st").collect()',
        python: 'df.select("id", "i", "dt", "dec", "arr", "m", "st").collect()',
      },
    ],
    columns: [{ ts: "df.columns", python: "df.columns" }],
    count: [{ ts: "df.count()", python: "df.count()" }],
    createOrReplaceTempView: [
      {
        ts: 'df.createOrReplaceTempView("sparkts_member_view")',
        python: 'df.createOrReplaceTempView("sparkts_member_view")',
      },
    ],
    createTempView: [
      {
        ts: 'df.createTempView("sparkts_member_fresh_view")',
        python: 'df.createTempView("sparkts_member_fresh_view")',
      },
    ],
    crossJoin: [
      {
        ts: 'df.select("id").crossJoin(df.select(F.col("s").alias("t")))',
        python: 'df.select("id").crossJoin(df.select(F.col("s").alias("t")))',
      },
    ],
    cube: [{ ts: 'df.cube("b", "id").count()', python: 'df.cube("b", "id").count()' }],
    describe: [{ ts: 'df.describe("i", "d", "s")', python: 'df.describe("i", "d", "s")' }],
    distinct: [{ ts: 'df.select("b").distinct()', python: 'df.select("b").distinct()' }],
    drop: [{ ts: 'df.drop("arr", F.col("m"), "nope")', python: 'df.drop("arr", F.col("m"), "nope")' }],
    dropDuplicates: [
      { ts: 'df.dropDuplicates(["b"])', python: 'df.dropDuplicates(["b"])' },
      { ts: 'df.select("b").dropDuplicates()', python: 'df.select("b").dropDuplicates()' },
    ],
    // Only a streaming frame has a watermark to deduplicate within; sparkts has no streaming source yet, and Spark
    // refuses it on a batch frame when the query runs, after the plan both clients send is compared.
    dropDuplicatesWithinWatermark: [
      {
        ts: 'df.select("id", "s").dropDuplicatesWithinWatermark(["s"]).collect()',
        python: 'df.select("id", "s").dropDuplicatesWithinWatermark(["s"]).collect()',
        expectedError: "_LEGACY_ERROR_TEMP_3102",
      },
    ],
    drop_duplicates: [{ ts: 'df.drop_duplicates(["b"])', python: 'df.drop_duplicates(["b"])' }],
    dropna: [
      { ts: "df.dropna()", python: "df.dropna()" },
      { ts: 'df.dropna("all", undefined, ["i", "s"])', python: 'df.dropna("all", None, ["i", "s"])' },
      { ts: "df.dropna(undefined, 17)", python: "df.dropna(thresh=17)" },
    ],
    dtypes: [{ ts: "df.dtypes", python: "df.dtypes" }],
    exceptAll: [
      {
        ts: 'df.select("id", "s", "arr").exceptAll(df.select("id", "s", "arr").limit(1))',
        python: 'df.select("id", "s", "arr").exceptAll(df.select("id", "s", "arr").limit(1))',
      },
    ],
    explain: [
      { ts: 'df.select("id").explain()', python: 'df.select("id").explain()' },
      { ts: 'df.select("id").explain("formatted")', python: 'df.select("id").explain("formatted")' },
      { ts: 'df.select("id").explain(undefined, "extended")', python: 'df.select("id").explain(mode="extended")' },
    ],
    fillna: [
      { ts: "df.fillna(0)", python: "df.fillna(0)" },
      { ts: 'df.fillna({ s: "none", i: -1 })', python: 'df.fillna({"s": "none", "i": -1})' },
    ],
    filter: [
      { ts: 'df.filter(F.col("i").gt(0))', python: 'df.filter(F.col("i") > 0)' },
      { ts: "df.filter(\"s like '%b%'\")", python: "df.filter(\"s like '%b%'\")" },
    ],
    first: [{ ts: "df.first()", python: "df.first()" }],
    groupBy: [
      { ts: 'df.groupBy("b").count()', python: 'df.groupBy("b").count()' },
      { ts: 'df.groupBy(F.col("b")).agg(F.min("i"))', python: 'df.groupBy(F.col("b")).agg(F.min("i"))' },
    ],
    groupby: [{ ts: 'df.groupby("b").sum("i")', python: 'df.groupby("b").sum("i")' }],
    head: [
      { ts: "df.head()", python: "df.head()" },
      { ts: "df.head(2)", python: "df.head(2)" },
    ],
    inputFiles: [{ ts: "df.inputFiles()", python: "list(df.inputFiles())" }],
    intersect: [
      {
        ts: 'df.select("id", "s", "arr").intersect(df.select("id", "s", "arr").limit(2))',
        python: 'df.select("id", "s", "arr").intersect(df.select("id", "s", "arr").limit(2))',
      },
    ],
    intersectAll: [
      {
        ts: 'df.select("id", "s", "arr").intersectAll(df.select("id", "s", "arr").limit(2))',
        python: 'df.select("id", "s", "arr").intersectAll(df.select("id", "s", "arr").limit(2))',
      },
    ],
    isEmpty: [{ ts: "df.isEmpty()", python: "df.isEmpty()" }],
    isLocal: [{ ts: "df.isLocal()", python: "df.isLocal()" }],
    isStreaming: [{ ts: "df.isStreaming", python: "df.isStreaming" }],
    join: [
      {
        ts: 'df.select("id", "s").join(df.select("id", "i"), "id", "left")',
        python: 'df.select("id", "s").join(df.select("id", "i"), "id", "left")',
      },
      {
        ts: 'df.select("id").join(df.select(F.col("i").alias("k")), F.col("id").eqNullSafe(F.col("k")), "full_outer")',
        python:
          'df.select("id").join(df.select(F.col("i").alias("k")), F.col("id").eqNullSafe(F.col("k")), "full_outer")',
      },
      {
        ts: 'df.select("id").join(df.select("id", "b"), ["id"], "left_anti")',
        python: 'df.select("id").join(df.select("id", "b"), ["id"], "left_anti")',
      },
    ],
    limit: [{ ts: "df.limit(2)", python: "df.limit(2)" }],
    na: [{ ts: 'df.na.fill("?")', python: 'df.na.fill("?")' }],
    offset: [{ ts: "df.offset(3)", python: "df.offset(3)" }],
    orderBy: [
      {
        ts: 'df.orderBy(F.col("i").desc_nulls_last(), "id")',
        python: 'df.orderBy(F.col("i").desc_nulls_last(), "id")',
      },
      { ts: 'df.orderBy(["s", "id"], { ascending: false })', python: 'df.orderBy(["s", "id"], ascending=False)' },
    ],
    persist: [{ ts: 'df.select("id").persist()', python: 'df.select("id").persist()' }],
    printSchema: [
      { ts: "df.printSchema()", python: "df.printSchema()" },
      { ts: "df.printSchema(1)", python: "df.printSchema(1)" },
    ],
    repartition: [
      { ts: 'df.repartition(3, "b").select("id")', python: 'df.repartition(3, "b").select("id")' },
      { ts: "df.repartition(2)", python: "df.repartition(2)" },
    ],
    rollup: [{ ts: 'df.rollup("b").agg(F.sum("i"))', python: 'df.rollup("b").agg(F.sum("i"))' }],
    sameSemantics: [
      {
        ts: 'df.select("id").sameSemantics(df.select("id"))',
        python: 'df.select("id").sameSemantics(df.select("id"))',
      },
    ],
    sample: [{ ts: "df.sample(false, 0.5, 7)", python: "df.sample(False, 0.5, 7)" }],
    schema: [{ ts: "df.schema", python: "df.schema" }],
    select: [
      {
        ts: 'df.select("id", F.col("s"), F.upper("s").alias("u"))',
        python: 'df.select("id", F.col("s"), F.upper("s").alias("u"))',
      },
      { ts: 'df.select("*")', python: 'df.select("*")' },
    ],
    selectExpr: [
      {
        ts: 'df.selectExpr("id * 2 AS twice", "st.a", "try_element_at(arr, 1)", "m[\'a\']")',
        python: 'df.selectExpr("id * 2 AS twice", "st.a", "try_element_at(arr, 1)", "m[\'a\']")',
      },
    ],
    semanticHash: [
      { ts: 'spark.range(3).select("id").semanticHash()', python: 'spark.range(3).select("id").semanticHash()' },
    ],
    show: [
      { ts: "df.show()", python: "df.show()" },
      { ts: 'df.select("id", "s", "url").show(2, 10, true)', python: 'df.select("id", "s", "url").show(2, 10, True)' },
    ],
    sort: [{ ts: 'df.sort(F.col("d").asc_nulls_last())', python: 'df.sort(F.col("d").asc_nulls_last())' }],
    sortWithinPartitions: [
      {
        ts: 'df.sortWithinPartitions("s", { ascending: false })',
        python: 'df.sortWithinPartitions("s", ascending=False)',
      },
    ],
    subtract: [
      {
        ts: 'df.select("b").subtract(df.limit(1).select("b"))',
        python: 'df.select("b").subtract(df.limit(1).select("b"))',
      },
    ],
    summary: [
      { ts: 'df.select("i", "d").summary()', python: 'df.select("i", "d").summary()' },
      { ts: 'df.select("i").summary("count", "min", "50%")', python: 'df.select("i").summary("count", "min", "50%")' },
    ],
    tail: [{ ts: "df.tail(2)", python: "df.tail(2)" }],
    take: [{ ts: "df.take(2)", python: "df.take(2)" }],
    toDF: [{ ts: 'df.select("id", "s").toDF("key", "text")', python: 'df.select("id", "s").toDF("key", "text")' }],
    toLocalIterator: [
      {
        ts: '(async () => { const rows: unknown[] = []; for await (const row of df.select("id", "s").toLocalIterator()) rows.push(row); return rows; })()',
        python: 'list(df.select("id", "s").toLocalIterator())',
      },
    ],
    transform: [
      { ts: 'df.transform((d) => d.select("id", "s"))', python: 'df.transform(lambda d: d.select("id", "s"))' },
      { ts: "df.transform((d, n) => d.limit(n), 2)", python: "df.transform(lambda d, n: d.limit(n), 2)" },
    ],
    union: [{ ts: "df.union(df.limit(1))", python: "df.union(df.limit(1))" }],
    unionAll: [{ ts: 'df.select("id").unionAll(df.select("i"))', python: 'df.select("id").unionAll(df.select("i"))' }],
    unionByName: [
      {
        ts: 'df.select("id", "s").unionByName(df.select("s", "id"))',
        python: 'df.select("id", "s").unionByName(df.select("s", "id"))',
      },
      {
        ts: 'df.select("id", "s").unionByName(df.select("id", "b"), true)',
        python: 'df.select("id", "s").unionByName(df.select("id", "b"), allowMissingColumns=True)',
      },
    ],
    unpersist: [{ ts: 'df.select("id", "b").unpersist()', python: 'df.select("id", "b").unpersist()' }],
    where: [{ ts: 'df.where(F.col("b"))', python: 'df.where(F.col("b"))' }],
    withColumn: [{ ts: 'df.withColumn("i", F.col("i").plus(1))', python: 'df.withColumn("i", F.col("i") + 1)' }],
    withColumnRenamed: [{ ts: 'df.withColumnRenamed("s", "text")', python: 'df.withColumnRenamed("s", "text")' }],
    withColumns: [
      {
        ts: 'df.withColumns({ twice: F.col("id").multiply(2), neg: F.negative("d") })',
        python: 'df.withColumns({"twice": F.col("id") * 2, "neg": F.negative("d")})',
      },
    ],
    withColumnsRenamed: [
      { ts: 'df.withColumnsRenamed({ s: "text", i: "n" })', python: 'df.withColumnsRenamed({"s": "text", "i": "n"})' },
    ],
    write: [
      {
        ts: 'df.write.format("noop").mode("overwrite").save()',
        python: 'df.write.format("noop").mode("overwrite").save()',
      },
    ],
    mergeInto: [
      mergeExample({
        ts: '.whenMatched(F.expr("src.s IS NULL")).delete().whenNotMatched().insertAll()',
        python: '.whenMatched(F.expr("src.s IS NULL")).delete().whenNotMatched().insertAll()',
      }),
    ],
    metadataColumn: [
      {
        ts: '((p) => p.select("id", p.metadataColumn("_metadata").getField("file_name")))(spark.read.parquet(files + "/people.parquet"))',
        python:
          '(lambda p: p.select("id", p.metadataColumn("_metadata").getField("file_name")))(spark.read.parquet(files + "/people.parquet"))',
      },
    ],
    storageLevel: [
      {
        ts: 'df.select("id", "s").persist().then((p) => p.storageLevel)',
        python: 'df.select("id", "s").persist().storageLevel',
      },
    ],
    toArrow: [{ ts: 'df.select("id", "s", "l").toArrow()', python: 'df.select("id", "s", "l").toArrow()' }],
    writeTo: [
      {
        setup: derbyCatalogSetup(),
        ts: `df.select("id", "s").writeTo("${DERBY_TABLE}").createOrReplace()`,
        python: `df.select("id", "s").writeTo("${DERBY_TABLE}").createOrReplace()`,
      },
    ],
    // Stat, reshaping, subquery, server-state and observation members (m2).
    approxQuantile: [
      { ts: 'df.approxQuantile("i", [0, 0.5, 1], 0)', python: 'df.approxQuantile("i", [0.0, 0.5, 1.0], 0.0)' },
      { ts: 'df.approxQuantile(["i", "d"], [0.5], 0)', python: 'df.approxQuantile(["i", "d"], [0.5], 0.0)' },
    ],
    colRegex: [{ ts: 'df.colRegex("`^(s|s2)$`")', python: 'df.colRegex("`^(s|s2)$`")' }],
    corr: [{ ts: 'df.corr("id", "d")', python: 'df.corr("id", "d")' }],
    cov: [{ ts: 'df.cov("id", "i")', python: 'df.cov("id", "i")' }],
    createGlobalTempView: [
      {
        ts: 'spark.catalog.dropGlobalTempView("sparkts_golden_global_fresh").then(() => df.createGlobalTempView("sparkts_golden_global_fresh"))',
        python:
          '[spark.catalog.dropGlobalTempView("sparkts_golden_global_fresh"), df.createGlobalTempView("sparkts_golden_global_fresh")][1]',
      },
    ],
    createOrReplaceGlobalTempView: [
      {
        ts: 'df.createOrReplaceGlobalTempView("sparkts_golden_global_view")',
        python: 'df.createOrReplaceGlobalTempView("sparkts_golden_global_view")',
      },
    ],
    crosstab: [{ ts: 'df.crosstab("b", "i")', python: 'df.crosstab("b", "i")' }],
    executionInfo: [
      {
        ts: '(() => { const counted = df.observe("rows", F.count(F.lit(1)).alias("n")); return counted.collect().then(() => counted.executionInfo?.flows); })()',
        python:
          '(lambda counted: [counted.collect(), counted.executionInfo.flows][1])(df.observe("rows", F.count(F.lit(1)).alias("n")))',
      },
    ],
    exists: [
      {
        ts: 'df.select("i").where(F.col("i").gt(4)).exists()',
        python: 'df.select("i").where(F.col("i") > 4).exists()',
      },
    ],
    freqItems: [{ ts: 'df.freqItems(["b", "i"], 0.4)', python: 'df.freqItems(["b", "i"], 0.4)' }],
    hint: [
      {
        ts: 'df.select("id", "s").join(df.select("id", "i").hint("broadcast"), "id")',
        python: 'df.select("id", "s").join(df.select("id", "i").hint("broadcast"), "id")',
      },
      { ts: 'df.select("id").hint("coalesce", 1)', python: 'df.select("id").hint("coalesce", 1)' },
    ],
    is_cached: [
      { ts: 'df.select("id", "d").is_cached', python: 'df.select("id", "d").is_cached' },
      {
        ts: 'df.select("id", "b").cache().then((cached) => cached.is_cached)',
        python: 'df.select("id", "b").cache().is_cached',
      },
    ],
    lateralJoin: [
      {
        ts: 'df.select("id", "arr").lateralJoin(spark.tvf.explode(F.col("arr").outer()))',
        python: 'df.select("id", "arr").lateralJoin(spark.tvf.explode(F.col("arr").outer()))',
      },
    ],
    localCheckpoint: [
      { ts: 'df.select("id", "b").localCheckpoint()', python: 'df.select("id", "b").localCheckpoint()' },
      { ts: 'df.select("id", "s").localCheckpoint(false)', python: 'df.select("id", "s").localCheckpoint(False)' },
    ],
    observe: [
      {
        ts: 'df.observe("stats", F.count(F.lit(1)).alias("n"), F.max("i").alias("top"))',
        python: 'df.observe("stats", F.count(F.lit(1)).alias("n"), F.max("i").alias("top"))',
      },
      {
        ts: 'df.observe(new Observation("counted"), F.sum("id").alias("total")).select("id")',
        python: 'df.observe(Observation("counted"), F.sum("id").alias("total")).select("id")',
      },
    ],
    randomSplit: [{ ts: "df.randomSplit([1, 2], 7)[1]", python: "df.randomSplit([1.0, 2.0], 7)[1]" }],
    registerTempTable: [
      {
        ts: 'df.registerTempTable("sparkts_golden_registered")',
        python: 'df.registerTempTable("sparkts_golden_registered")',
      },
    ],
    repartitionById: [
      { ts: 'df.select("id", "s").repartitionById(2, "id")', python: 'df.select("id", "s").repartitionById(2, "id")' },
    ],
    repartitionByRange: [
      {
        ts: 'df.select("id", "d").repartitionByRange(2, "d")',
        python: 'df.select("id", "d").repartitionByRange(2, "d")',
      },
      {
        ts: 'df.select("id", "i").repartitionByRange(F.col("i").desc())',
        python: 'df.select("id", "i").repartitionByRange(F.col("i").desc())',
      },
    ],
    replace: [
      { ts: 'df.replace("abc", "xyz")', python: 'df.replace("abc", "xyz")' },
      { ts: 'df.replace([5, 0], [50, null], ["i"])', python: 'df.replace([5, 0], [50, None], ["i"])' },
    ],
    sampleBy: [
      {
        ts: 'df.sampleBy("s", { abc: 1, "Ébc": 0.5 }, 11)',
        python: 'df.sampleBy("s", {"abc": 1.0, "Ébc": 0.5}, 11)',
      },
    ],
    scalar: [{ ts: 'df.select(F.max("i")).scalar()', python: 'df.select(F.max("i")).scalar()' }],
    sparkSession: [{ ts: "df.sparkSession.range(2)", python: "df.sparkSession.range(2)" }],
    stat: [{ ts: 'df.stat.corr("id", "i")', python: 'df.stat.corr("id", "i")' }],
    to: [
      {
        ts: 'df.select("s", "id").schema.then((schema) => df.select("id", "s").to(schema))',
        python: 'df.select("id", "s").to(df.select("s", "id").schema)',
      },
    ],
    transpose: [
      { ts: 'df.select("s", "i", "id").transpose()', python: 'df.select("s", "i", "id").transpose()' },
      { ts: 'df.select("id", "l").transpose("id")', python: 'df.select("id", "l").transpose("id")' },
    ],
    withMetadata: [
      {
        ts: 'df.withMetadata("s", { comment: "text", weight: 2 }).select("s")',
        python: 'df.withMetadata("s", {"comment": "text", "weight": 2}).select("s")',
      },
    ],
    withWatermark: [{ ts: 'df.withWatermark("ts", "10 minutes")', python: 'df.withWatermark("ts", "10 minutes")' }],
    // Grouping sets and unpivoting (client API added with the engine's rollup/cube/unpivot).
    groupingSets: [
      {
        ts: 'df.groupingSets([["b"], []], "b").agg(F.sum("i"), F.count("*"))',
        python: 'df.groupingSets([["b"], []], "b").agg(F.sum("i"), F.count("*"))',
      },
    ],
    melt: [
      { ts: 'df.melt("id", ["i", "l"], "column", "value")', python: 'df.melt("id", ["i", "l"], "column", "value")' },
    ],
    unpivot: [
      {
        ts: 'df.unpivot(["id", "b"], ["i", "id"], "column", "value")',
        python: 'df.unpivot(["id", "b"], ["i", "id"], "column", "value")',
      },
    ],
  },
};

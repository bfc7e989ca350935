/**
 * Every catalog operation sends the same `Catalog` relation PySpark 4.1.1 sends: optional arguments left out
 * when absent, schemas as proto DataTypes, storage levels, options. Both clients run the calls for real; the
 * ones naming objects that do not exist fail on the server after the plan was recorded, changing nothing.
 */
import { randomUUID } from "node:crypto";
import { toJson } from "@bufbuild/protobuf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { Catalog } from "../../../runtime/api/catalog/catalog.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { StorageLevel } from "../../../runtime/api/storage-level.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { IntegerType, StringType, StructField, StructType } from "../../../runtime/types/index.js";
import { type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { sparkRemote } from "../../support/session-url.js";
import { normalisePlanJson, pysparkPlanJson } from "../api/fixture.js";
import { RecordingBackend } from "../api/recording-backend.js";

type Json = Parameters<typeof normalisePlanJson>[0];

const missing = `sparkts_h_missing_${randomUUID().slice(0, 8)}`;
const path = `/tmp/${missing}`;
const SCHEMA_PY = `T.StructType([T.StructField("a", T.IntegerType(), False), T.StructField("b", T.StringType())])`;
const SCHEMA = new StructType([new StructField("a", new IntegerType(), false), new StructField("b", new StringType())]);

/** Each case: the PySpark call on `cat` and ours on `catalog`. */
const CASES: Record<string, { python: string; ts: (catalog: Catalog) => Promise<unknown> }> = {
  currentCatalog: { python: "cat.currentCatalog()", ts: (c) => c.currentCatalog() },
  setCurrentCatalog: {
    python: `cat.setCurrentCatalog("spark_catalog")`,
    ts: (c) => c.setCurrentCatalog("spark_catalog"),
  },
  listCatalogs: { python: "cat.listCatalogs()", ts: (c) => c.listCatalogs() },
  listCatalogsPattern: { python: `cat.listCatalogs("spark*")`, ts: (c) => c.listCatalogs("spark*") },
  currentDatabase: { python: "cat.currentDatabase()", ts: (c) => c.currentDatabase() },
  setCurrentDatabase: { python: `cat.setCurrentDatabase("default")`, ts: (c) => c.setCurrentDatabase("default") },
  listDatabases: { python: `cat.listDatabases("def*")`, ts: (c) => c.listDatabases("def*") },
  getDatabase: { python: `cat.getDatabase("default")`, ts: (c) => c.getDatabase("default") },
  databaseExists: { python: `cat.databaseExists("${missing}")`, ts: (c) => c.databaseExists(missing) },
  listTables: { python: "cat.listTables()", ts: (c) => c.listTables() },
  listTablesFiltered: {
    python: `cat.listTables("default", "${missing}*")`,
    ts: (c) => c.listTables("default", `${missing}*`),
  },
  getTable: { python: `cat.getTable("${missing}")`, ts: (c) => c.getTable(missing) },
  tableExists: { python: `cat.tableExists("${missing}", "default")`, ts: (c) => c.tableExists(missing, "default") },
  listFunctions: { python: `cat.listFunctions("default", "abs*")`, ts: (c) => c.listFunctions("default", "abs*") },
  getFunction: { python: `cat.getFunction("abs")`, ts: (c) => c.getFunction("abs") },
  functionExists: { python: `cat.functionExists("abs")`, ts: (c) => c.functionExists("abs") },
  listColumns: { python: `cat.listColumns("${missing}", "default")`, ts: (c) => c.listColumns(missing, "default") },
  createTable: {
    python: `cat.createTable("${missing}.t", "${path}", "parquet", ${SCHEMA_PY}, "words", k="v")`,
    ts: (c) => c.createTable(`${missing}.t`, path, "parquet", SCHEMA, "words", { k: "v" }),
  },
  createTableBare: { python: `cat.createTable("${missing}.u")`, ts: (c) => c.createTable(`${missing}.u`) },
  createExternalTable: {
    python: `cat.createExternalTable("${missing}.e", "${path}", "csv", ${SCHEMA_PY}, header="true")`,
    ts: (c) => c.createExternalTable(`${missing}.e`, path, "csv", SCHEMA, { header: true }),
  },
  dropTempView: { python: `cat.dropTempView("${missing}")`, ts: (c) => c.dropTempView(missing) },
  dropGlobalTempView: { python: `cat.dropGlobalTempView("${missing}")`, ts: (c) => c.dropGlobalTempView(missing) },
  isCached: { python: `cat.isCached("${missing}")`, ts: (c) => c.isCached(missing) },
  cacheTable: { python: `cat.cacheTable("${missing}")`, ts: (c) => c.cacheTable(missing) },
  cacheTableLevel: {
    python: `cat.cacheTable("${missing}", StorageLevel.DISK_ONLY_2)`,
    ts: (c) => c.cacheTable(missing, StorageLevel.DISK_ONLY_2),
  },
  uncacheTable: { python: `cat.uncacheTable("${missing}")`, ts: (c) => c.uncacheTable(missing) },
  clearCache: { python: "cat.clearCache()", ts: (c) => c.clearCache() },
  refreshTable: { python: `cat.refreshTable("${missing}")`, ts: (c) => c.refreshTable(missing) },
  recoverPartitions: { python: `cat.recoverPartitions("${missing}")`, ts: (c) => c.recoverPartitions(missing) },
  refreshByPath: { python: `cat.refreshByPath("${path}")`, ts: (c) => c.refreshByPath(path) },
};

describe("catalog plans match PySpark's", () => {
  let golden: Record<string, PySparkJson>;
  let recorder: RecordingBackend;
  let spark: SparkSession;

  beforeAll(async () => {
    const lines = Object.entries(CASES).flatMap(([name, c]) => [
      "sent.clear()",
      "try:",
      `    ${c.python}`,
      "except Exception:",
      "    pass",
      `emit(${JSON.stringify(name)}, [MessageToJson(p) for p in sent])`,
    ]);
    golden = await runPySpark(
      [
        "import warnings",
        "warnings.simplefilter('ignore')",
        "from google.protobuf.json_format import MessageToJson",
        "from pyspark.storagelevel import StorageLevel",
        "sent = []",
        "client = spark.client",
        "original = client._execute_and_fetch_as_iterator",
        "def recording(req, *args, **kwargs):",
        "    sent.append(req.plan)",
        "    return original(req, *args, **kwargs)",
        "client._execute_and_fetch_as_iterator = recording",
        "cat = spark.catalog",
        ...lines,
      ].join("\n"),
    );
    recorder = new RecordingBackend(await RemoteBackend.connect(sparkRemote()));
    spark = new SparkSession(recorder);
  });

  afterAll(async () => {
    await spark?.stop();
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: ${c.python}`, async () => {
      recorder.executed.length = 0;
      await c.ts(spark.catalog).catch(() => undefined);
      const ours = recorder.executed.map((plan) => normalisePlanJson(toJson(PlanSchema, plan) as Json));
      const theirs = (golden[name] as string[]).map((text) => pysparkPlanJson(text));
      expect(ours.length).toBe(1);
      expect(ours).toEqual(theirs);
    });
  }
});

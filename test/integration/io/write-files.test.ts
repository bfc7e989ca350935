/**
 * Files the embedded engine writes (runWriteOperation), read back by the real Spark 4.1.1: Spark must see the
 * same schema and rows in our files as in the files it wrote itself from the same data, for Parquet, CSV, JSON
 * and text, with partitionBy, and the save modes must behave as Spark's.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import {
  type WriteOperation,
  WriteOperation_SaveMode,
  WriteOperationSchema,
} from "../../../generated/proto/spark/connect/commands_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { runWriteOperation } from "../../../runtime/engine/io/write-operation.js";
import { SparkConnectError } from "../../../runtime/errors/index.js";
import { decode, Parity } from "../engine/parity-harness.js";
import { type ReadSpec, readPlan, tempDir, writeWithSpark } from "./file-fixtures.js";

const parity = new Parity(process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002", "local[2]");
const sparkDir = tempDir("spark-written");
const ourDir = tempDir("engine-written");
afterAll(() => parity.close());
beforeAll(() => writeWithSpark(sparkDir), 120_000);

/** The rows Spark wrote as Parquet, read by our engine: the input of every write below. */
function sparkParquet(): Relation {
  const root = readPlan({ format: "parquet", paths: [join(sparkDir, "parquet")] }).opType.value as Relation;
  return root;
}

function writeOp(
  format: string,
  path: string,
  extra: Omit<MessageInitShape<typeof WriteOperationSchema>, "$typeName"> = {},
): WriteOperation {
  return create(WriteOperationSchema, {
    input: sparkParquet(),
    source: format,
    saveType: { case: "path", value: path },
    mode: WriteOperation_SaveMode.ERROR_IF_EXISTS,
    ...extra,
  });
}

const write = (op: WriteOperation) => runWriteOperation(op, (relation) => parity.local.engine.execute(relation), "UTC");

async function sparkReads(spec: ReadSpec) {
  const answer = decode(await parity.spark.execute(readPlan(spec)));
  const rows = [...answer.rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return { schema: answer.schema, rows };
}

async function expectSparkSeesSame(format: string, ours: string, theirs: string, options: Record<string, string> = {}) {
  const mine = await sparkReads({ format, paths: [ours], options });
  const reference = await sparkReads({ format, paths: [theirs], options });
  expect(mine).toEqual(reference);
  expect(mine.rows.length).toBeGreaterThan(0);
}

describe("files the engine writes, read by Spark", () => {
  it("parquet: every column type survives, with Spark-style file names and _SUCCESS", async () => {
    const out = join(ourDir, "parquet");
    await write(writeOp("parquet", out));
    const names = readdirSync(out);
    expect(names).toContain("_SUCCESS");
    expect(names.some((n) => /^part-00000-[0-9a-f-]{36}-c000\.snappy\.parquet$/.test(n))).toBe(true);
    await expectSparkSeesSame("parquet", out, join(sparkDir, "parquet"));
  });

  it("parquet partitioned by a column: k=v directories", async () => {
    const out = join(ourDir, "parquet_by_part");
    await write(writeOp("parquet", out, { partitioningColumns: ["part"] }));
    expect(readdirSync(out).sort()).toEqual(["_SUCCESS", "part=0", "part=1", "part=2"]);
    await expectSparkSeesSame("parquet", out, join(sparkDir, "parquet_by_part"));
  });

  it("csv with header: Spark infers the same types from our text as from its own", async () => {
    const out = join(ourDir, "csv");
    await write(writeOp("csv", out, { options: { header: "true" } }));
    await expectSparkSeesSame("csv", out, join(sparkDir, "csv_header"), { header: "true", inferSchema: "true" });
    await expectSparkSeesSame("csv", out, join(sparkDir, "csv_header"), { header: "true" });
  });

  it("csv partitioned by two columns", async () => {
    const out = join(ourDir, "csv_by_part");
    await write(writeOp("csv", out, { partitioningColumns: ["part", "flag"], options: { header: "true" } }));
    expect(existsSync(join(out, "part=0", "flag=true"))).toBe(true);
    await expectSparkSeesSame("csv", out, join(sparkDir, "csv_by_part"), { header: "true", inferSchema: "true" });
  });

  it("json lines", async () => {
    const out = join(ourDir, "json");
    await write(writeOp("json", out));
    await expectSparkSeesSame("json", out, join(sparkDir, "json"));
  });

  it("text needs exactly one string column, with Spark's errors", async () => {
    const out = join(ourDir, "text");
    const input = sparkParquet();
    const single = create(WriteOperationSchema, {
      input: {
        relType: {
          case: "project",
          value: {
            input,
            expressions: [{ exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: "str" } } }],
          },
        },
      },
      source: "text",
      saveType: { case: "path", value: out },
    });
    await write(single);
    await expectSparkSeesSame("text", out, join(sparkDir, "text"));
    // Spark checks the column types before counting them: the fixture's first column is not a string.
    await expect(write(writeOp("text", join(ourDir, "text_wide")))).rejects.toMatchObject({
      errorClass: "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE",
    });
    const twoStrings = create(WriteOperationSchema, {
      input: {
        relType: {
          case: "project",
          value: {
            input,
            expressions: ["str", "str"].map((name) => ({
              exprType: { case: "unresolvedAttribute" as const, value: { unparsedIdentifier: name } },
            })),
          },
        },
      },
      source: "text",
      saveType: { case: "path", value: join(ourDir, "text_two") },
    });
    await expect(write(twoStrings)).rejects.toMatchObject({ errorClass: "_LEGACY_ERROR_TEMP_1290" });
  });

  it("the WriteOperation command through the local backend writes what Spark's own command writes", async () => {
    const out = join(ourDir, "command");
    const plan = create(PlanSchema, {
      opType: { case: "command", value: { commandType: { case: "writeOperation", value: writeOp("parquet", out) } } },
    });
    for await (const _ of parity.local.execute(plan)) {
      // drain the response stream: the command runs while it is consumed
    }
    await expectSparkSeesSame("parquet", out, join(sparkDir, "parquet"));
  });

  it("save modes: error if exists, ignore, append, overwrite", async () => {
    const out = join(ourDir, "modes");
    await write(writeOp("json", out));
    const failure = await write(writeOp("json", out)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SparkConnectError);
    expect((failure as SparkConnectError).errorClass).toBe("PATH_ALREADY_EXISTS");
    const count = async () => (await sparkReads({ format: "json", paths: [out] })).rows.length;
    const base = await count();
    await write(writeOp("json", out, { mode: WriteOperation_SaveMode.IGNORE }));
    expect(await count()).toBe(base);
    await write(writeOp("json", out, { mode: WriteOperation_SaveMode.APPEND }));
    expect(await count()).toBe(base * 2);
    await write(writeOp("json", out, { mode: WriteOperation_SaveMode.OVERWRITE }));
    expect(await count()).toBe(base);
  });
});

/**
 * Files written by the real Spark 4.1.1 server (through PySpark) into a fresh temp directory, and Plans that
 * read files back, so one Plan can run on both the embedded engine and Spark.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "@bufbuild/protobuf";
import { type Plan, PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import { runPySpark } from "../../support/pyspark.js";

export interface ReadSpec {
  readonly format: string;
  readonly paths: readonly string[];
  readonly schema?: string;
  readonly options?: Record<string, string>;
}

export function readPlan(spec: ReadSpec): Plan {
  return create(PlanSchema, {
    opType: {
      case: "root",
      value: {
        relType: {
          case: "read",
          value: {
            readType: {
              case: "dataSource",
              value: {
                format: spec.format,
                paths: [...spec.paths],
                options: spec.options ?? {},
                ...(spec.schema === undefined ? {} : { schema: spec.schema }),
              },
            },
          },
        },
      },
    },
  });
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `sparkts-io-${prefix}-`));

/** Many types, NULLs, non-ASCII text, quotes and separators inside values, two partitions' worth of rows. */
export const MANY_TYPES_SQL = `
  select id,
    cast(id as int) as i,
    cast(id as smallint) as s,
    id * 1.5 as d,
    cast(id as float) / 4 as f,
    cast(id * 100 + 0.25 as decimal(15,2)) as dec,
    concat('név ', id) as str,
    id % 2 = 0 as flag,
    date_add(date'2024-01-30', cast(id as int)) as dt,
    timestamp'2024-03-10 01:30:00.123' + make_interval(0, 0, 0, 0, cast(id as int), 0, 0) as ts,
    case when id = 3 then null else concat('a"b,', id) end as quoted,
    case when id % 4 = 1 then null else id * 7 end as sparse,
    cast(id % 3 as int) as part
  from range(0, 12, 1, 2)`;

/** Writes MANY_TYPES_SQL with Spark in every format (plain, partitioned) under `dir`. */
export async function writeWithSpark(dir: string): Promise<void> {
  await runPySpark(`
    df = spark.sql("""${MANY_TYPES_SQL.replace(/\s+/g, " ")}""")
    df.write.mode("overwrite").parquet("${dir}/parquet")
    df.write.mode("overwrite").partitionBy("part").parquet("${dir}/parquet_by_part")
    df.write.mode("overwrite").option("header", True).csv("${dir}/csv_header")
    df.write.mode("overwrite").csv("${dir}/csv_plain")
    df.write.mode("overwrite").partitionBy("part", "flag").option("header", True).csv("${dir}/csv_by_part")
    df.write.mode("overwrite").json("${dir}/json")
    df.write.mode("overwrite").partitionBy("part").json("${dir}/json_by_part")
    df.select("str").write.mode("overwrite").text("${dir}/text")
    emit("done", True)
  `);
}

export const hostPaths = (dir: string, ...names: string[]): string[] => names.map((n) => join(dir, n));

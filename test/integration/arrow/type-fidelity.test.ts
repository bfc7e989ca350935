/**
 * The headline proof of lossless decoding: a query covering every Spark type (nulls, NaN/±Infinity, dates before
 * 1970, decimal(38,38) and (38,0), µs timestamps, deep nesting, variant, TIME, intervals) is run through
 * RemoteBackend and decoded by runtime/arrow, then compared value for value and type for type with what PySpark
 * 4.1.1 returns for the same query on the same server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CalendarInterval, ResultStream, type Row } from "../../../runtime/arrow/index.js";
import { formatYearMonthInterval } from "../../../runtime/format/index.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import { dataTypeFromJsonValue, type JsonValue, type StructType } from "../../../runtime/types/index.js";
import { type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { sparkRemote } from "../../support/session-url.js";
import { FIDELITY_COLUMNS, fidelityQuery, RAW_ARROW_COLUMNS } from "./fidelity-query.js";
import { encodeLikePySpark } from "./pyspark-encoding.js";
import { setConfigs, sqlPlan, TIME_TYPE_ENABLED } from "./remote-query.js";

const QUERY = fidelityQuery();

const PYSPARK = `
spark.conf.set("spark.sql.timeType.enabled", "true")
df = spark.sql(${JSON.stringify(QUERY)})
raw_columns = ${JSON.stringify(RAW_ARROW_COLUMNS)}
emit("schema", df.schema)
emit("tree", df.schema.treeString())
plan = df._plan.to_proto(spark.client)
emit("server_tree", spark.client._analyze(method="tree_string", plan=plan).tree_string)
emit("server_tree_2", spark.client._analyze(method="tree_string", plan=plan, level=2).tree_string)
emit("rows", df.drop(*raw_columns))
# PySpark cannot collect these columns: compare with Spark's own text for them, and for the calendar interval
# also with the raw Arrow month/day/nanosecond triple (pyarrow cannot read month_interval arrays at all).
emit("raw_as_text", df.select(*[F.col(c).cast("string") for c in raw_columns]))
table, _, _ = spark.client.to_table(df.select("ci")._plan.to_proto(spark.client), {})
emit("ci_parts", [None if v is None else [v.months, v.days, v.nanoseconds] for v in table.column("ci").to_pylist()])
`;

function withoutVariantJson(value: PySparkJson): PySparkJson {
  if (value !== null && typeof value === "object" && "$variant" in value) {
    return { $variant: { ...value.$variant, json: "" } };
  }
  return value;
}

describe("type fidelity against PySpark 4.1.1", () => {
  let backend: RemoteBackend;
  let golden: Record<string, PySparkJson>;
  let rows: Row[];
  let schema: StructType;

  beforeAll(async () => {
    backend = await RemoteBackend.connect(sparkRemote());
    await setConfigs(backend, TIME_TYPE_ENABLED);
    const [pyspark, result] = await Promise.all([
      runPySpark(PYSPARK),
      (async () => {
        const stream = new ResultStream(backend.execute(sqlPlan(QUERY)));
        const collected = await stream.collect();
        if (!stream.schema) throw new Error("the server sent no schema");
        return { collected, schema: stream.schema };
      })(),
    ]);
    golden = pyspark;
    rows = result.collected;
    schema = result.schema;
  });

  afterAll(async () => {
    await backend?.releaseSession();
  });

  it("decodes the same schema PySpark sees (JSON and printSchema tree)", () => {
    const expected = golden.schema as { $schema: JsonValue };
    expect(JSON.parse(schema.json())).toEqual(expected.$schema);
    expect(dataTypeFromJsonValue(expected.$schema).json()).toBe(schema.json());
    // The server's own printSchema text (AnalyzePlan TreeString), in full and cut at level 2. PySpark's
    // client-side treeString differs in one way: it prints a collated string as plain `string`.
    expect(schema.treeString()).toBe(golden.server_tree);
    expect(schema.treeString().replace(" collate UNICODE_CI", "")).toBe(golden.tree);
    expect(schema.treeString(2)).toBe(golden.server_tree_2);
  });

  it("returns four rows in query order", () => {
    expect(rows.map((row) => row.get("k"))).toEqual([0, 1, 2, 3]);
  });

  const compared = FIDELITY_COLUMNS.filter((c) => !(RAW_ARROW_COLUMNS as readonly string[]).includes(c.name));
  for (const column of compared) {
    it(`column ${column.name} matches PySpark value for value`, () => {
      const frame = golden.rows as { $dataframe: { schema: { fields: { name: string }[] }; rows: PySparkJson[][] } };
      const index = frame.$dataframe.schema.fields.findIndex((f) => f.name === column.name);
      expect(index).toBeGreaterThan(0);
      const expected = frame.$dataframe.rows.map((r) => r[index]);
      const type = schema.field(column.name)?.dataType;
      if (type === undefined) throw new Error(`no column ${column.name} in the decoded schema`);
      const ours = rows.map((row) => encodeLikePySpark(row.get(column.name), type));
      // PySpark writes typed variant leaves (doubles, timestamps) as Python text, Spark as JVM text; the bytes
      // must be identical, and the JSON text is checked against Spark's own in show-string.test.ts.
      const comparable = column.name === "vrich" ? withoutVariantJson : (value: PySparkJson) => value;
      expect(ours.map(comparable)).toEqual(expected.map((v) => comparable(v ?? null)));
    });
  }

  it("year-month and calendar intervals read as Spark's own text for them", () => {
    const frame = golden.raw_as_text as { $dataframe: { rows: PySparkJson[][] } };
    const ours = rows.map((row) =>
      RAW_ARROW_COLUMNS.map((name) => {
        const value = row.get(name);
        const type = schema.field(name)?.dataType;
        if (value === null || type === undefined) return null;
        if (type.kind === "year_month_interval") return formatYearMonthInterval(value as number, type);
        return String(value as CalendarInterval);
      }),
    );
    expect(ours).toEqual(frame.$dataframe.rows);
    expect(rows[1]?.get("ym")).toBe(-(178956970 * 12 + 8));
  });

  it("calendar intervals match PySpark's Arrow months/days/nanoseconds", () => {
    const ours = rows.map((row) => {
      const value = row.get("ci") as CalendarInterval | null;
      return value === null ? null : [value.months, value.days, Number(value.microseconds * 1000n)];
    });
    expect(ours).toEqual(golden.ci_parts);
  });

  it("keeps values JSON.stringify-safe through Row.toJSON", () => {
    const json = JSON.parse(JSON.stringify(rows[0]));
    expect(json.l).toBe("9007199254740993");
    expect(json.dec38_38).toBe("0.99999999999999999999999999999999999999");
    expect(json.ts).toBe("2024-02-29T12:34:56.123456Z");
    expect(json.v).toEqual({ a: { c: 12345678901234567000, d: -7 }, b: [1, 2.5, "x", null, true] });
  });
});

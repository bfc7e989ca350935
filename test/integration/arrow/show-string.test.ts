/**
 * runtime/format/showString renders our decoded rows exactly as Spark's own `Dataset.showString` (which PySpark's
 * `show()` asks the server for) renders the same query: every type, nulls at every depth, truncation, vertical
 * mode, "only showing top N rows", and TIMESTAMP values in the session time zone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResultStream, type Row } from "../../../runtime/arrow/index.js";
import { showString } from "../../../runtime/format/index.js";
import { RemoteBackend } from "../../../runtime/transport/remote-backend.js";
import type { StructType } from "../../../runtime/types/index.js";
import { runPySpark } from "../../support/pyspark.js";
import { sparkRemote } from "../../support/session-url.js";
import { fidelityQuery } from "./fidelity-query.js";
import { setConfigs, sqlPlan, TIME_TYPE_ENABLED } from "./remote-query.js";

const QUERY = fidelityQuery();
const ZONES = ["Etc/UTC", "America/Los_Angeles"] as const;
/** [numRows, truncate, vertical] as passed to showString on both sides. */
const LAYOUTS: ReadonlyArray<readonly [number, number, boolean]> = [
  [20, 20, false],
  [20, 0, false],
  [2, 7, false],
  [1, 3, false],
  [2, 20, true],
  [4, 0, true],
];

const key = (zone: string, [n, t, v]: readonly [number, number, boolean]) => `${zone}|${n}|${t}|${v}`;

describe("showString matches Spark's Dataset.showString", () => {
  let backend: RemoteBackend;
  let golden: Record<string, unknown>;
  const decoded = new Map<string, { rows: Row[]; schema: StructType }>();

  beforeAll(async () => {
    const python = ZONES.flatMap((zone) => [
      `spark.conf.set("spark.sql.session.timeZone", ${JSON.stringify(zone)})`,
      `df = spark.sql(${JSON.stringify(QUERY)})`,
      ...LAYOUTS.map(
        (layout) =>
          `emit(${JSON.stringify(key(zone, layout))}, df._show_string(${layout[0]}, ${layout[1]}, ${layout[2] ? "True" : "False"}))`,
      ),
    ]);
    const pyspark = runPySpark(['spark.conf.set("spark.sql.timeType.enabled", "true")', ...python].join("\n"));
    backend = await RemoteBackend.connect(sparkRemote());
    await setConfigs(backend, TIME_TYPE_ENABLED);
    for (const zone of ZONES) {
      // TIMESTAMP literals are read in the session zone, so each zone gets its own run of the query.
      await setConfigs(backend, { "spark.sql.session.timeZone": zone });
      const stream = new ResultStream(backend.execute(sqlPlan(QUERY)));
      const rows = await stream.collect();
      if (!stream.schema) throw new Error("the server sent no schema");
      decoded.set(zone, { rows, schema: stream.schema });
    }
    golden = await pyspark;
  });

  afterAll(async () => {
    await backend?.releaseSession();
  });

  for (const zone of ZONES) {
    for (const layout of LAYOUTS) {
      const [numRows, truncate, vertical] = layout;
      it(`${zone}: numRows=${numRows} truncate=${truncate} vertical=${vertical}`, () => {
        const result = decoded.get(zone);
        if (!result) throw new Error(`no result for ${zone}`);
        const text = showString(result.rows, result.schema, { numRows, truncate, vertical, timeZone: zone });
        expect(text).toBe(golden[key(zone, layout)]);
      });
    }
  }
});

import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ExecutePlanResponse_ObservedMetricsSchema } from "../../generated/proto/spark/connect/base_pb.js";
import { DateValue, Decimal, TimestampValue } from "../arrow/index.js";
import { ObservedMetrics } from "./observed-metrics.js";

describe("ObservedMetrics", () => {
  it("decodes metric literals to the values rows hold, by key", () => {
    const reported = create(ExecutePlanResponse_ObservedMetricsSchema, {
      name: "m",
      keys: ["n", "mean", "least", "total", "day", "at", "ids", "none"],
      values: [
        { literalType: { case: "long", value: 10n } },
        { literalType: { case: "double", value: 2.25 } },
        { literalType: { case: "string", value: "a" } },
        { literalType: { case: "decimal", value: { value: "12.50", precision: 4, scale: 2 } } },
        { literalType: { case: "date", value: 19000 } },
        { literalType: { case: "timestamp", value: 1_000_000n } },
        {
          literalType: {
            case: "array",
            value: {
              elements: [
                { literalType: { case: "integer", value: 1 } },
                { literalType: { case: "integer", value: 2 } },
              ],
            },
          },
        },
        { literalType: { case: "null", value: {} } },
      ],
    });
    const pairs = new ObservedMetrics(reported).pairs;
    expect(pairs.n).toBe(10n);
    expect(pairs.mean).toBe(2.25);
    expect(pairs.least).toBe("a");
    expect(pairs.total).toEqual(Decimal.parse("12.50"));
    expect(pairs.day).toEqual(new DateValue(19000));
    expect(pairs.at).toEqual(new TimestampValue(1_000_000n));
    expect(pairs.ids).toEqual([1, 2]);
    expect(pairs.none).toBeNull();
  });

  it("names metrics by position when the server sends no keys, as PySpark does", () => {
    const reported = create(ExecutePlanResponse_ObservedMetricsSchema, {
      name: "m",
      values: [{ literalType: { case: "boolean", value: true } }, { literalType: { case: "integer", value: 3 } }],
    });
    expect(new ObservedMetrics(reported).pairs).toEqual({ observed_metric_0: true, observed_metric_1: 3 });
  });
});

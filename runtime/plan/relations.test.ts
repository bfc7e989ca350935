import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { RelationSchema } from "../../generated/proto/spark/connect/relations_pb.js";
import { columnReference, functionCall } from "./expressions.js";
import { literalExpression } from "./literals.js";
import { PlanIdGenerator } from "./plan-ids.js";
import { RelationFactory } from "./relations.js";

describe("RelationFactory", () => {
  it("gives each node a fresh plan id, inputs before the nodes built on them", () => {
    const plans = new RelationFactory(new PlanIdGenerator());
    const range = plans.range(0n, 10n, 1n);
    const filtered = plans.filter(range, functionCall(">", [columnReference("id"), literalExpression(3)]));
    const limited = plans.limit(filtered, 5);
    expect(toJson(RelationSchema, limited)).toEqual({
      common: { planId: "2" },
      limit: {
        limit: 5,
        input: {
          common: { planId: "1" },
          filter: {
            input: { common: { planId: "0" }, range: { start: "0", end: "10", step: "1" } },
            condition: {
              unresolvedFunction: {
                functionName: ">",
                arguments: [
                  { unresolvedAttribute: { unparsedIdentifier: "id", isMetadataColumn: false } },
                  { literal: { integer: 3 } },
                ],
              },
            },
          },
        },
      },
    });
  });

  it("keeps separate counters per generator (one per session)", () => {
    const a = new RelationFactory(new PlanIdGenerator());
    const b = new RelationFactory(new PlanIdGenerator());
    a.range(0n, 1n, 1n);
    expect(b.range(0n, 1n, 1n).common?.planId).toBe(0n);
    expect(a.range(0n, 1n, 1n).common?.planId).toBe(1n);
  });

  it("re-tags an adopted relation without touching the original", () => {
    const plans = new RelationFactory(new PlanIdGenerator());
    const original = plans.sql("select 1", [], {});
    const adopted = plans.adopt(original);
    expect(original.common?.planId).toBe(0n);
    expect(adopted.common?.planId).toBe(1n);
    expect(adopted.relType).toEqual(original.relType);
  });
});

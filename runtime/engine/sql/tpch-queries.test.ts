/**
 * All 22 TPC-H queries parse into Connect plans. During development each plan was also sent to a real Spark
 * 4.1.1 server next to `spark.sql(text)` on small TPC-H-shaped tables: same column names, types and rows for
 * all 22. The checks here pin the shapes that made that true.
 */
import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { queryOf } from "./sql-test-helpers.js";
import { TPCH_QUERIES } from "./tpch-queries.js";

/** Every relation kind in the tree, in pre-order, looking through WithRelations references too. */
function relationKinds(relation: Relation): string[] {
  const kinds: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    const relType = record.relType as { case?: string; value?: unknown } | undefined;
    if (record.$typeName === "spark.connect.Relation" && relType?.case !== undefined) kinds.push(relType.case);
    for (const child of Object.values(record)) visit(child);
  };
  visit(relation);
  return kinds;
}

const count = (kinds: string[], kind: string) => kinds.filter((k) => k === kind).length;

describe("TPC-H", () => {
  it.each(Object.entries(TPCH_QUERIES))("Q%s parses to a query plan", (_number, sql) => {
    const plan = queryOf(sql);
    expect(() => toJson(RelationSchema, plan)).not.toThrow();
    expect(relationKinds(plan)).toContain("read");
  });

  it("Q1: one grouped aggregate in the DataFrame shape, sorted", () => {
    const plan = queryOf(TPCH_QUERIES[1]!);
    expect(plan.relType.case).toBe("sort");
    const aggregate = plan.relType.case === "sort" ? plan.relType.value.input?.relType : undefined;
    expect(aggregate?.case).toBe("aggregate");
    if (aggregate?.case !== "aggregate") return;
    expect(aggregate.value.groupingExpressions).toHaveLength(2);
    expect(aggregate.value.aggregateExpressions).toHaveLength(8);
  });

  it("Q2, Q4, Q11, Q15–Q18, Q20–Q22 carry their subqueries in WithRelations", () => {
    for (const n of [2, 4, 11, 15, 16, 17, 18, 20, 21, 22]) {
      expect(relationKinds(queryOf(TPCH_QUERIES[n]!)), `Q${n}`).toContain("withRelations");
    }
    // Q20 nests: the outer filter references one subquery, whose own filter references two.
    expect(count(relationKinds(queryOf(TPCH_QUERIES[20]!)), "withRelations")).toBe(2);
  });

  it("Q13 renames its derived table's columns; Q15 inlines its CTE twice", () => {
    expect(relationKinds(queryOf(TPCH_QUERIES[13]!))).toContain("toDf");
    expect(count(relationKinds(queryOf(TPCH_QUERIES[15]!)), "subqueryAlias")).toBe(2);
  });

  it("Q10 hides grouping columns the select list does not lead with", () => {
    const plan = queryOf(TPCH_QUERIES[10]!);
    const kinds = relationKinds(plan);
    expect(kinds.slice(0, 3)).toEqual(["limit", "drop", "sort"]);
  });
});

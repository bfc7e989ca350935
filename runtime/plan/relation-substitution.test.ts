import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { type Relation, RelationSchema } from "../../generated/proto/spark/connect/relations_pb.js";
import { PlanIdGenerator } from "./plan-ids.js";
import { queryPlan } from "./plans.js";
import { findRelations, replaceRelations } from "./relation-substitution.js";
import { RelationFactory } from "./relations.js";

const plans = () => new RelationFactory(new PlanIdGenerator());

describe("relation substitution", () => {
  it("finds and replaces a relation at any depth, sharing the untouched parts", () => {
    const p = plans();
    const local = p.localRelation(new Uint8Array([1, 2, 3]), "a long");
    const other = p.range(0n, 3n, 1n);
    const joined = p.withRelations(p.project(local, []), [other]);
    const plan = queryPlan(joined);
    const found = findRelations(plan, (relation) => relation.relType.case === "localRelation");
    expect([...found]).toEqual([local]);

    const cached: Relation = create(RelationSchema, {
      common: { planId: local.common?.planId ?? 0n },
      relType: { case: "chunkedCachedLocalRelation", value: { dataHashes: ["ab"] } },
    });
    const replaced = replaceRelations(plan, new Map([[local, cached]]));
    expect(replaced).not.toBe(plan);
    const root = replaced.opType.value as Relation;
    if (root.relType.case !== "withRelations") throw new Error("expected withRelations");
    const project = root.relType.value.root;
    if (project?.relType.case !== "project") throw new Error("expected project");
    expect(project.relType.value.input).toBe(cached);
    // The reference that was not replaced is the very same object; the original plan is unchanged.
    expect(root.relType.value.references[0]).toBe(other);
    const originalRoot = plan.opType.value as Relation;
    if (originalRoot.relType.case !== "withRelations") throw new Error("expected withRelations");
    expect(originalRoot.relType.value.root?.relType.value).toHaveProperty("input", local);
  });

  it("returns the same object when nothing matches", () => {
    const plan = queryPlan(plans().range(0n, 3n, 1n));
    expect(replaceRelations(plan, new Map())).toBe(plan);
    const unrelated = plans().range(0n, 1n, 1n);
    expect(replaceRelations(plan, new Map([[unrelated, unrelated]]))).toBe(plan);
  });
});

/**
 * Finds and replaces Relation nodes anywhere in a request (plans, analyze requests, commands), wherever they sit:
 * inputs, subquery expressions, `withRelations` references. Plans are immutable once built, so replacing copies
 * only the path from the root to each replaced node and shares everything else; a request without matches comes
 * back as the same object.
 */
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";

const RELATION_TYPE_NAME = "spark.connect.Relation";

function isRelation(value: object): value is Relation {
  return (value as { $typeName?: unknown }).$typeName === RELATION_TYPE_NAME;
}

/** Containers worth descending into: plain objects and arrays, never binary data. */
function isContainer(value: unknown): value is object {
  return typeof value === "object" && value !== null && !ArrayBuffer.isView(value);
}

/** Every Relation in `value` (at any depth) for which `matches` holds; matched nodes are not descended into. */
export function findRelations(value: unknown, matches: (relation: Relation) => boolean): Set<Relation> {
  const found = new Set<Relation>();
  const visit = (node: unknown): void => {
    if (!isContainer(node)) return;
    if (isRelation(node) && matches(node)) {
      found.add(node);
      return;
    }
    for (const child of Array.isArray(node) ? node : Object.values(node)) visit(child);
  };
  visit(value);
  return found;
}

/** `value` with each Relation that is a key of `replacements` swapped for its value. */
export function replaceRelations<T>(value: T, replacements: ReadonlyMap<Relation, Relation>): T {
  if (replacements.size === 0) return value;
  const rebuild = (node: unknown): unknown => {
    if (!isContainer(node)) return node;
    if (isRelation(node)) {
      const replacement = replacements.get(node);
      if (replacement !== undefined) return replacement;
    }
    if (Array.isArray(node)) {
      const items = node.map(rebuild);
      return items.some((item, index) => item !== node[index]) ? items : node;
    }
    let copy: Record<string, unknown> | undefined;
    for (const [key, child] of Object.entries(node)) {
      const rebuilt = rebuild(child);
      if (rebuilt !== child) {
        // Same prototype: protobuf-es keeps some field defaults there.
        copy ??= Object.assign(Object.create(Object.getPrototypeOf(node)) as Record<string, unknown>, node);
        copy[key] = rebuilt;
      }
    }
    return copy ?? node;
  };
  return rebuild(value) as T;
}

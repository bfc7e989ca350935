/**
 * Spark's ORDER BY ALL: a lone sort key naming `all`, when no column is called that, sorts by every output
 * column in order, each with that key's direction and null ordering.
 */
import type { Expression_SortOrder } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { AttributeRef } from "../logical/expressions.js";

/** The lone `ALL` key of an ORDER BY that means every column, or undefined. */
export function orderByAllKey(
  orders: readonly Expression_SortOrder[],
  output: readonly AttributeRef[],
): Expression_SortOrder | undefined {
  const [only] = orders;
  if (orders.length !== 1 || only === undefined) return undefined;
  const child = only.child?.exprType;
  if (child?.case !== "unresolvedAttribute" || child.value.unparsedIdentifier.toLowerCase() !== "all") return undefined;
  return output.some((a) => a.name.toLowerCase() === "all") ? undefined : only;
}

/**
 * A compact way to write proto Relations and Expressions in tests (until the DataFrame API lands): each helper
 * returns the protobuf-es init shape PySpark's Connect client would build for the same call.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { type Table, tableToIPC } from "apache-arrow";
import { type Plan, PlanSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { ExpressionSchema } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";

export type Rel = MessageInitShape<typeof RelationSchema>;
export type Ex = MessageInitShape<typeof ExpressionSchema>;

let nextPlanId = 1n;
const withId = (relType: NonNullable<Rel["relType"]>): Rel => ({ common: { planId: nextPlanId++ }, relType });

export const plan = (root: Rel): Plan => create(PlanSchema, { opType: { case: "root", value: root } });

// Expressions
export const col = (name: string, planId?: bigint): Ex => ({
  exprType: {
    case: "unresolvedAttribute",
    value: { unparsedIdentifier: name, ...(planId === undefined ? {} : { planId }) },
  },
});
export const colOf = (rel: Rel, name: string): Ex => col(name, rel.common?.planId);
export const star = (): Ex => ({ exprType: { case: "unresolvedStar", value: {} } });
export const fn = (functionName: string, ...args: Ex[]): Ex => ({
  exprType: { case: "unresolvedFunction", value: { functionName, arguments: args } },
});
export const distinctFn = (functionName: string, ...args: Ex[]): Ex => ({
  exprType: { case: "unresolvedFunction", value: { functionName, arguments: args, isDistinct: true } },
});
export const alias = (expr: Ex, name: string): Ex => ({ exprType: { case: "alias", value: { expr, name: [name] } } });
export const cast = (expr: Ex, typeStr: string, evalMode = 0): Ex => ({
  exprType: { case: "cast", value: { expr, castToType: { case: "typeStr", value: typeStr }, evalMode } },
});
export const int = (value: number): Ex => ({
  exprType: { case: "literal", value: { literalType: { case: "integer", value } } },
});
export const long = (value: bigint): Ex => ({
  exprType: { case: "literal", value: { literalType: { case: "long", value } } },
});
export const dbl = (value: number): Ex => ({
  exprType: { case: "literal", value: { literalType: { case: "double", value } } },
});
export const str = (value: string): Ex => ({
  exprType: { case: "literal", value: { literalType: { case: "string", value } } },
});
export const bool = (value: boolean): Ex => ({
  exprType: { case: "literal", value: { literalType: { case: "boolean", value } } },
});
export const nullOf = (kind: "integer" | "string" | "null"): Ex => ({
  exprType: { case: "literal", value: { literalType: { case: "null", value: { kind: { case: kind, value: {} } } } } },
});
export const sortOrder = (child: Ex, ascending = true, nulls: "first" | "last" | "default" = "default"): Ex => ({
  exprType: {
    case: "sortOrder",
    value: { child, direction: ascending ? 1 : 2, nullOrdering: nulls === "default" ? 0 : nulls === "first" ? 1 : 2 },
  },
});

// Relations
export const range = (end: bigint, options: { start?: bigint; step?: bigint; numPartitions?: number } = {}): Rel =>
  withId({
    case: "range",
    value: {
      start: options.start ?? 0n,
      end,
      step: options.step ?? 1n,
      ...(options.numPartitions ? { numPartitions: options.numPartitions } : {}),
    },
  });
export const local = (table: Table, schema?: string): Rel =>
  withId({ case: "localRelation", value: { data: tableToIPC(table, "stream"), ...(schema ? { schema } : {}) } });
export const select = (input: Rel, ...expressions: Ex[]): Rel =>
  withId({ case: "project", value: { input, expressions } });
export const where = (input: Rel, condition: Ex): Rel => withId({ case: "filter", value: { input, condition } });
export const withColumns = (input: Rel, columns: Record<string, Ex>): Rel =>
  withId({
    case: "withColumns",
    value: { input, aliases: Object.entries(columns).map(([name, expr]) => ({ name: [name], expr })) },
  });
export const drop = (input: Rel, ...columnNames: string[]): Rel =>
  withId({ case: "drop", value: { input, columnNames } });
export const limit = (input: Rel, n: number): Rel => withId({ case: "limit", value: { input, limit: n } });
export const tail = (input: Rel, n: number): Rel => withId({ case: "tail", value: { input, limit: n } });
export const offset = (input: Rel, n: number): Rel => withId({ case: "offset", value: { input, offset: n } });
export const orderBy = (input: Rel, ...order: Ex[]): Rel =>
  withId({
    case: "sort",
    value: {
      input,
      order: order.map((o) => (o.exprType?.case === "sortOrder" ? o.exprType.value : { child: o, direction: 1 })),
      isGlobal: true,
    },
  });
export const groupBy = (input: Rel, keys: Ex[], aggregates: Ex[]): Rel =>
  withId({
    case: "aggregate",
    value: { input, groupType: 1, groupingExpressions: keys, aggregateExpressions: aggregates },
  });
export type JoinKind = "inner" | "full" | "left" | "right" | "left_anti" | "left_semi" | "cross";
const JOIN_CODES: Record<JoinKind, number> = {
  inner: 1,
  full: 2,
  left: 3,
  right: 4,
  left_anti: 5,
  left_semi: 6,
  cross: 7,
};
export const join = (left: Rel, right: Rel, how: JoinKind, on: { condition?: Ex; using?: string[] } = {}): Rel =>
  withId({
    case: "join",
    value: {
      left,
      right,
      joinType: JOIN_CODES[how],
      ...(on.condition ? { joinCondition: on.condition } : {}),
      usingColumns: on.using ?? [],
    },
  });
export const union = (
  left: Rel,
  right: Rel,
  options: { all?: boolean; byName?: boolean; allowMissing?: boolean } = {},
): Rel =>
  withId({
    case: "setOp",
    value: {
      leftInput: left,
      rightInput: right,
      setOpType: 2,
      isAll: options.all ?? true,
      byName: options.byName ?? false,
      allowMissingColumns: options.allowMissing ?? false,
    },
  });
export const setOp = (left: Rel, right: Rel, op: "intersect" | "except", all = false): Rel =>
  withId({
    case: "setOp",
    value: { leftInput: left, rightInput: right, setOpType: op === "intersect" ? 1 : 3, isAll: all },
  });
export const distinct = (input: Rel, columnNames: string[] = []): Rel =>
  withId({ case: "deduplicate", value: { input, columnNames, allColumnsAsKeys: columnNames.length === 0 } });
export const dropNa = (input: Rel, cols: string[] = [], minNonNulls?: number): Rel =>
  withId({ case: "dropNa", value: { input, cols, ...(minNonNulls === undefined ? {} : { minNonNulls }) } });
export const fillNa = (input: Rel, values: Ex[], cols: string[] = []): Rel =>
  withId({
    case: "fillNa",
    value: { input, cols, values: values.map((v) => (v.exprType?.case === "literal" ? v.exprType.value : {})) },
  });
export const subqueryAlias = (input: Rel, alias: string): Rel =>
  withId({ case: "subqueryAlias", value: { input, alias } });
export const toDF = (input: Rel, ...columnNames: string[]): Rel =>
  withId({ case: "toDf", value: { input, columnNames } });
export const renamed = (input: Rel, renames: Record<string, string>): Rel =>
  withId({
    case: "withColumnsRenamed",
    value: { input, renames: Object.entries(renames).map(([colName, newColName]) => ({ colName, newColName })) },
  });
export const repartition = (input: Rel, numPartitions: number, shuffle = true): Rel =>
  withId({ case: "repartition", value: { input, numPartitions, shuffle } });
export const repartitionBy = (input: Rel, numPartitions: number, ...partitionExprs: Ex[]): Rel =>
  withId({ case: "repartitionByExpression", value: { input, numPartitions, partitionExprs } });
export const sample = (input: Rel, fraction: number, seed: bigint): Rel =>
  withId({ case: "sample", value: { input, lowerBound: 0, upperBound: fraction, withReplacement: false, seed } });

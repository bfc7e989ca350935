/**
 * Constructors for the `Relation` messages the SQL front end emits, shaped as PySpark's DataFrame methods
 * shape them (e.g. set operations always carry explicit `is_all` / `by_name` flags).
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import type { Expression, Expression_SortOrder } from "../../../generated/proto/spark/connect/expressions_pb.js";
import {
  Join_JoinType,
  type Relation,
  RelationSchema,
  SetOperation_SetOpType,
} from "../../../generated/proto/spark/connect/relations_pb.js";
import { unparsedName } from "./expression-builders.js";

type RelType = MessageInitShape<typeof RelationSchema>["relType"];

export function relation(relType: RelType): Relation {
  return create(RelationSchema, { relType } as MessageInitShape<typeof RelationSchema>);
}

export function readTable(nameParts: readonly string[]): Relation {
  return relation({
    case: "read",
    value: { readType: { case: "namedTable", value: { unparsedIdentifier: unparsedName(nameParts) } } },
  });
}

/** A projection; without an input it selects from a single empty row, as `SELECT 1` does. */
export function project(input: Relation | undefined, expressions: readonly Expression[]): Relation {
  return relation({
    case: "project",
    value: input === undefined ? { expressions: [...expressions] } : { input, expressions: [...expressions] },
  });
}

export function filter(input: Relation, condition: Expression): Relation {
  return relation({ case: "filter", value: { input, condition } });
}

export function subqueryAlias(input: Relation, alias: string): Relation {
  return relation({ case: "subqueryAlias", value: { input, alias } });
}

export function toDf(input: Relation, columnNames: readonly string[]): Relation {
  return relation({ case: "toDf", value: { input, columnNames: [...columnNames] } });
}

export function sort(input: Relation, order: readonly Expression_SortOrder[], isGlobal: boolean): Relation {
  return relation({ case: "sort", value: { input, order: [...order], isGlobal } });
}

export function limit(input: Relation, count: number): Relation {
  return relation({ case: "limit", value: { input, limit: count } });
}

export function offset(input: Relation, count: number): Relation {
  return relation({ case: "offset", value: { input, offset: count } });
}

export function distinct(input: Relation): Relation {
  return relation({ case: "deduplicate", value: { input, allColumnsAsKeys: true } });
}

export type SetOperationKind = "union" | "intersect" | "except";

const SET_OP_TYPES: Record<SetOperationKind, SetOperation_SetOpType> = {
  union: SetOperation_SetOpType.UNION,
  intersect: SetOperation_SetOpType.INTERSECT,
  except: SetOperation_SetOpType.EXCEPT,
};

export function setOperation(left: Relation, right: Relation, kind: SetOperationKind, isAll: boolean): Relation {
  return relation({
    case: "setOp",
    value: {
      leftInput: left,
      rightInput: right,
      setOpType: SET_OP_TYPES[kind],
      isAll,
      byName: false,
      allowMissingColumns: false,
    },
  });
}

export type JoinKind = "inner" | "cross" | "left" | "right" | "full" | "semi" | "anti";

const JOIN_TYPES: Record<JoinKind, Join_JoinType> = {
  inner: Join_JoinType.INNER,
  cross: Join_JoinType.CROSS,
  left: Join_JoinType.LEFT_OUTER,
  right: Join_JoinType.RIGHT_OUTER,
  full: Join_JoinType.FULL_OUTER,
  semi: Join_JoinType.LEFT_SEMI,
  anti: Join_JoinType.LEFT_ANTI,
};

export function join(
  left: Relation,
  right: Relation,
  kind: JoinKind,
  criteria: { on?: Expression; using?: readonly string[] },
): Relation {
  return relation({
    case: "join",
    value: {
      left,
      right,
      joinType: JOIN_TYPES[kind],
      ...(criteria.on === undefined ? {} : { joinCondition: criteria.on }),
      usingColumns: [...(criteria.using ?? [])],
    },
  });
}

/** A join whose right side may refer to the left side's columns (`LATERAL`). */
export function lateralJoin(left: Relation, right: Relation, kind: JoinKind, on: Expression | undefined): Relation {
  return relation({
    case: "lateralJoin",
    value: { left, right, joinType: JOIN_TYPES[kind], ...(on === undefined ? {} : { joinCondition: on }) },
  });
}

export function hint(input: Relation, name: string, parameters: readonly Expression[]): Relation {
  return relation({ case: "hint", value: { input, name, parameters: [...parameters] } });
}

export function repartitionByExpression(input: Relation, partitionExprs: readonly Expression[]): Relation {
  return relation({ case: "repartitionByExpression", value: { input, partitionExprs: [...partitionExprs] } });
}

export function tableFunction(name: string, args: readonly Expression[]): Relation {
  return relation({ case: "unresolvedTableValuedFunction", value: { functionName: name, arguments: [...args] } });
}

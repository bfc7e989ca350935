/**
 * The `on` and `how` arguments of `DataFrame.join`, read as PySpark reads them. `how` is case-insensitive with
 * underscores ignored and the same synonyms (`left` = `leftouter`, `semi` = `leftsemi`, `outer` = `full`, ...).
 */
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import type { JoinCondition, JoinKind } from "../plan/relations.js";
import { Column } from "./column.js";

const JOIN_KINDS: Readonly<Record<string, JoinKind>> = {
  inner: "inner",
  outer: "full_outer",
  full: "full_outer",
  fullouter: "full_outer",
  left: "left_outer",
  leftouter: "left_outer",
  right: "right_outer",
  rightouter: "right_outer",
  semi: "left_semi",
  leftsemi: "left_semi",
  anti: "left_anti",
  leftanti: "left_anti",
  cross: "cross",
};

/** The accepted spellings, for error messages. */
export const JOIN_TYPE_NAMES = [
  "inner",
  "outer",
  "full",
  "fullouter",
  "full_outer",
  "leftouter",
  "left",
  "left_outer",
  "rightouter",
  "right",
  "right_outer",
  "leftsemi",
  "left_semi",
  "semi",
  "leftanti",
  "left_anti",
  "anti",
  "cross",
] as const;

export type JoinType = (typeof JOIN_TYPE_NAMES)[number];

export function parseJoinType(how: unknown): JoinKind {
  if (how === undefined || how === null) return "inner";
  if (typeof how === "string") {
    const kind = JOIN_KINDS[how.toLowerCase().replaceAll("_", "")];
    if (kind !== undefined) return kind;
  }
  const supported = JOIN_TYPE_NAMES.map((name) => `'${name}'`).join(", ");
  throw new ClientArgumentError(`Unsupported join type ${JSON.stringify(how)}; supported join types: ${supported}.`, {
    errorClass: "UNSUPPORTED_JOIN_TYPE",
    messageParameters: { typ: String(how), supported },
  });
}

/** Column name(s) give a USING join; a Column (or Columns, joined with AND) a join condition. */
export function joinCondition(on: unknown): JoinCondition {
  if (on === undefined || on === null) return {};
  if (typeof on === "string") return { usingColumns: [on] };
  if (on instanceof Column) return { condition: on.expr };
  if (Array.isArray(on)) {
    if (on.length === 0) return {};
    if (on.every((c): c is string => typeof c === "string")) return { usingColumns: on };
    if (on.every((c): c is Column => c instanceof Column)) {
      return { condition: on.reduce((left: Column, right: Column) => left.and(right)).expr };
    }
  }
  throw new ClientArgumentError(`on must be a column name, names, a Column or Columns, got ${describeType(on)}.`, {
    errorClass: "NOT_COLUMN_OR_STR",
  });
}

/**
 * The `how` argument of `DataFrame.join`, read as PySpark reads it: case-insensitive, underscores ignored, with
 * the same synonyms (`left` = `leftouter`, `semi` = `leftsemi`, `outer` = `full` = `fullouter`, ...).
 */
import { ClientArgumentError } from "../errors/index.js";
import type { JoinKind } from "../plan/relations.js";

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

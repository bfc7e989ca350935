/**
 * `df.colRegex(name)` (the UnresolvedRegex expression), read as Spark's Connect planner reads it: a name in
 * back-quotes is a Java regex over column names (`` `(i|d.*)` ``), a qualifier before the back-quotes limits it
 * to that relation's columns (`` t.`d.*` ``), and anything else is one column name taken literally. The regex
 * must match the whole name, case-insensitively unless spark.sql.caseSensitive is on.
 */
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import { javaRegex } from "../functions/java-regex.js";
import type { AttributeRef } from "../logical/expressions.js";
import { parseIdentifier, resolveColumn, type Scope } from "./name-resolution.js";

const ESCAPED = /^`([\s\S]+)`$/;
const QUALIFIED_ESCAPED = /^([\s\S]+)[\s\S]`([\s\S]+)`$/;

/** The columns a colRegex name selects in a select list. */
export function expandColumnRegex(colName: string, planId: bigint | undefined, scope: Scope): AttributeRef[] {
  const escaped = ESCAPED.exec(colName);
  if (escaped !== null) return matching(scope.input, escaped[1] as string, scope.caseSensitive);
  const qualified = QUALIFIED_ESCAPED.exec(colName);
  if (qualified !== null) {
    const qualifier = parseIdentifier(qualified[1] as string);
    const same = (a: string, b: string) => (scope.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase());
    const inRelation = scope.input.filter(
      (a) =>
        a.qualifier.length >= qualifier.length &&
        qualifier.every((q, i) => same(q, a.qualifier[a.qualifier.length - qualifier.length + i] as string)),
    );
    return matching(inRelation, qualified[2] as string, scope.caseSensitive);
  }
  return [resolveColumn(quoted(colName), planId, scope)];
}

/**
 * A colRegex name outside a select list: a literal name resolves, as does a regex matching exactly one column.
 * (Spark also spreads a wider match over a function's arguments, as it does `*`; the engine does not.)
 */
export function resolveColumnRegex(colName: string, planId: bigint | undefined, scope: Scope): AttributeRef {
  const columns = expandColumnRegex(colName, planId, scope);
  if (columns.length !== 1) {
    throw sparkError(
      AnalysisException,
      "INVALID_USAGE_OF_STAR_OR_REGEX",
      "42000",
      `The regex ${colName} can only be used in a select list.`,
      { elem: "regular expression", prettyName: "expression" },
    );
  }
  return columns[0] as AttributeRef;
}

function matching(columns: readonly AttributeRef[], pattern: string, caseSensitive: boolean): AttributeRef[] {
  const compiled = javaRegex(pattern);
  const flags = caseSensitive || compiled.flags.includes("i") ? compiled.flags : `${compiled.flags}i`;
  const whole = new RegExp(`^(?:${compiled.source})$`, flags);
  return columns.filter((a) => whole.test(a.name));
}

const quoted = (name: string) => `\`${name.replaceAll("`", "``")}\``;

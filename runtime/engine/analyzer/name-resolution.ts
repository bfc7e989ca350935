/**
 * Resolving a column reference against the attributes in scope: `name`, `qualifier.name`, back-quoted parts,
 * case-insensitive unless spark.sql.caseSensitive, and `df["col"]` references pinned to a plan id.
 */

import { ParseException } from "../../errors/index.js";
import { ambiguousReference, unresolvedColumn } from "../errors.js";
import type { AttributeRef } from "../logical/expressions.js";
import { findByPlanId, type LogicalPlan, outputOf } from "../logical/logical-plan.js";

export interface Scope {
  readonly input: readonly AttributeRef[];
  /** The plans whose outputs make up `input` (searched for plan ids). */
  readonly plans: readonly LogicalPlan[];
  readonly caseSensitive: boolean;
}

/** Splits `a.b`, `` `a.b`.c `` into name parts. */
export function parseIdentifier(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === "`" && text[i + 1] === "`") {
        current += "`";
        i++;
      } else if (ch === "`") quoted = false;
      else current += ch;
    } else if (ch === "`") {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ".") {
      parts.push(current);
      current = "";
      wasQuoted = false;
    } else current += ch;
  }
  if (quoted) {
    throw new ParseException(`The identifier ${text} has an unclosed back-quote.`, {
      errorClass: "PARSE_SYNTAX_ERROR",
      sqlState: "42601",
    });
  }
  if (current !== "" || wasQuoted || parts.length > 0) parts.push(current);
  return parts;
}

const same = (a: string, b: string, caseSensitive: boolean): boolean =>
  caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();

function distinctById(attrs: readonly AttributeRef[]): AttributeRef[] {
  const seen = new Set<number>();
  return attrs.filter((a) => {
    if (seen.has(a.exprId)) return false;
    seen.add(a.exprId);
    return true;
  });
}

function matchParts(
  parts: readonly string[],
  candidates: readonly AttributeRef[],
  caseSensitive: boolean,
): AttributeRef[] {
  const name = parts[parts.length - 1] as string;
  if (parts.length >= 2) {
    const qualifier = parts.slice(0, -1);
    const qualified = candidates.filter(
      (a) =>
        same(a.name, name, caseSensitive) &&
        a.qualifier.length >= qualifier.length &&
        qualifier.every((q, i) =>
          same(q, a.qualifier[a.qualifier.length - qualifier.length + i] as string, caseSensitive),
        ),
    );
    if (qualified.length > 0) return distinctById(qualified);
  }
  const joined = parts.join(".");
  return distinctById(candidates.filter((a) => same(a.name, parts.length === 1 ? name : joined, caseSensitive)));
}

export function resolveColumn(identifier: string, planId: bigint | undefined, scope: Scope): AttributeRef {
  const parts = parseIdentifier(identifier);
  const inScope = new Set(scope.input.map((a) => a.exprId));
  if (planId !== undefined) {
    for (const plan of scope.plans) {
      const node = findByPlanId(plan, planId);
      if (node === undefined) continue;
      const matches = matchParts(parts, outputOf(node), scope.caseSensitive).filter((a) => inScope.has(a.exprId));
      const match = matches[0];
      if (match !== undefined) return scope.input.find((a) => a.exprId === match.exprId) ?? match;
    }
  }
  const matches = matchParts(parts, scope.input, scope.caseSensitive);
  if (matches.length === 1) return matches[0] as AttributeRef;
  if (matches.length > 1) {
    throw ambiguousReference(
      identifier,
      matches.map((m) => [...m.qualifier, m.name].map((p) => `\`${p}\``).join(".")),
    );
  }
  const suggestions = scope.input.map((a) => [...a.qualifier, a.name].join("."));
  throw unresolvedColumn(parts.join("."), suggestions);
}

/** The attributes `*` or `t.*` expands to. */
export function expandStar(target: string | undefined, planId: bigint | undefined, scope: Scope): AttributeRef[] {
  if (planId !== undefined) {
    for (const plan of scope.plans) {
      const node = findByPlanId(plan, planId);
      if (node) {
        const ids = new Set(outputOf(node).map((a) => a.exprId));
        return scope.input.filter((a) => ids.has(a.exprId));
      }
    }
  }
  if (target === undefined || target === "") return [...scope.input];
  const qualifier = parseIdentifier(target.replace(/\.\*$/, ""));
  const matches = scope.input.filter(
    (a) =>
      a.qualifier.length >= qualifier.length &&
      qualifier.every((q, i) =>
        same(q, a.qualifier[a.qualifier.length - qualifier.length + i] as string, scope.caseSensitive),
      ),
  );
  if (matches.length === 0)
    throw unresolvedColumn(
      `${qualifier.join(".")}.*`,
      scope.input.map((a) => a.name),
    );
  return matches;
}

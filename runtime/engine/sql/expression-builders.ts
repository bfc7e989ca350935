/**
 * Small constructors for the `Expression` messages the SQL front end emits. They build exactly the shapes
 * PySpark's Connect client builds for the same operation, so SQL and DataFrame code share one plan language.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  type Expression,
  type Expression_Literal,
  Expression_LiteralSchema,
  ExpressionSchema,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { DataType } from "../../../generated/proto/spark/connect/types_pb.js";

type LiteralInit = MessageInitShape<typeof Expression_LiteralSchema>;

/** A call of a builtin or operator by name, e.g. `fn("==", a, b)` for `a = b`. */
export function fn(name: string, args: readonly Expression[], isDistinct = false): Expression {
  return create(ExpressionSchema, {
    exprType: { case: "unresolvedFunction", value: { functionName: name, arguments: [...args], isDistinct } },
  });
}

export function not(expr: Expression): Expression {
  return fn("not", [expr]);
}

/** Quotes one name part with backticks when Spark's attribute-name parser would otherwise split or misread it. */
function quoteNamePart(part: string): string {
  return part === "" || part.includes(".") || part.includes("`") ? `\`${part.replaceAll("`", "``")}\`` : part;
}

/** Joins name parts the way an `unparsed_identifier` is written: dot-separated, quoted where needed. */
export function unparsedName(parts: readonly string[]): string {
  return parts.map(quoteNamePart).join(".");
}

/** The inverse of `unparsedName`: splits on dots outside backticks and unquotes the parts. */
export function nameParts(unparsed: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < unparsed.length; i++) {
    const ch = unparsed[i]!;
    if (ch === "`") {
      if (quoted && unparsed[i + 1] === "`") {
        current += "`";
        i++;
      } else quoted = !quoted;
    } else if (ch === "." && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** A column reference `a.b.c` (table qualifier, column, or nested fields: the analyzer decides). */
export function attribute(parts: readonly string[]): Expression {
  return create(ExpressionSchema, {
    exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: unparsedName(parts) } },
  });
}

/** `*` or `t.*`. */
export function star(target?: readonly string[]): Expression {
  const value = target === undefined ? {} : { unparsedTarget: `${unparsedName(target)}.*` };
  return create(ExpressionSchema, { exprType: { case: "unresolvedStar", value } });
}

export function alias(expr: Expression, names: readonly string[]): Expression {
  return create(ExpressionSchema, { exprType: { case: "alias", value: { expr, name: [...names] } } });
}

function literalExpression(literal: Expression_Literal): Expression {
  return create(ExpressionSchema, { exprType: { case: "literal", value: literal } });
}

export function literal(init: LiteralInit): Expression {
  return literalExpression(create(Expression_LiteralSchema, init));
}

export function intLiteral(value: number): Expression {
  return literal({ literalType: { case: "integer", value } });
}

export function stringLiteral(value: string): Expression {
  return literal({ literalType: { case: "string", value } });
}

export function booleanLiteral(value: boolean): Expression {
  return literal({ literalType: { case: "boolean", value } });
}

/** A typed NULL; Spark's untyped `NULL` is a null of the NullType. */
export function nullLiteral(type: DataType): Expression {
  return literal({ literalType: { case: "null", value: type } });
}

export function castTo(expr: Expression, type: DataType, mode: "try" | "default"): Expression {
  // EVAL_MODE_TRY = 3; the default leaves the mode unspecified so the session's ANSI setting decides.
  return create(ExpressionSchema, {
    exprType: {
      case: "cast",
      value: { expr, castToType: { case: "type", value: type }, evalMode: mode === "try" ? 3 : 0 },
    },
  });
}

export function extractValue(child: Expression, extraction: Expression): Expression {
  return create(ExpressionSchema, { exprType: { case: "unresolvedExtractValue", value: { child, extraction } } });
}

/** Arithmetic negation of a frame offset or literal: folds numeric literals, otherwise calls `negative`. */
export function negate(expr: Expression): Expression {
  if (expr.exprType.case === "literal") {
    const folded = negateLiteral(expr.exprType.value);
    if (folded !== undefined) return literalExpression(folded);
  }
  return fn("negative", [expr]);
}

function negateLiteral(lit: Expression_Literal): Expression_Literal | undefined {
  const copy = create(Expression_LiteralSchema, lit);
  const value = copy.literalType;
  switch (value.case) {
    case "integer":
    case "short":
    case "byte":
    case "double":
    case "float":
    case "yearMonthInterval":
      value.value = -value.value;
      return copy;
    case "long":
    case "dayTimeInterval":
      value.value = -value.value;
      return copy;
    case "decimal":
      value.value.value = value.value.value.startsWith("-") ? value.value.value.slice(1) : `-${value.value.value}`;
      return copy;
    default:
      return undefined;
  }
}

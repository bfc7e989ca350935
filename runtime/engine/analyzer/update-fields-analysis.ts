/**
 * Column.withField / dropFields (the UpdateFields expression). A dotted field name reaches into nested structs:
 * `withField("a.b", v)` replaces field `a` by `a` updated with `b`. As in Spark, an update of an update keeps
 * one base struct and a list of operations (a later WithField of the same field replaces the earlier one),
 * which is also how Spark names the column: `update_fields(st, WithField(…), dropfield())`.
 */
import type { Expression_UpdateFields } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { dataTypeMismatch, quoteId, sparkError } from "../errors.js";
import { unexpectedInput } from "../functions/collection-errors.js";
import { call } from "../functions/function-types.js";
import { UPDATE_FIELDS } from "../functions/struct-update.js";
import { displayOf } from "../logical/expression-display.js";
import type { Call, Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { structFields } from "../types/nested-types.js";
import { parseIdentifier } from "./name-resolution.js";

type FieldOp =
  | { readonly kind: "with"; readonly name: string; readonly value: Expr }
  | { readonly kind: "drop"; readonly name: string };

/** How each update_fields call this analysis built came about, for merging an update of it. */
const updates = new WeakMap<Call, { readonly base: Expr; readonly ops: readonly FieldOp[] }>();

interface Context {
  readonly ansi: boolean;
  readonly caseSensitive: boolean;
}

/** Resolves one UpdateFields, given a resolver for its struct and value expressions. */
export function resolveUpdateFields(
  update: Expression_UpdateFields,
  resolveChild: (e: NonNullable<Expression_UpdateFields["structExpression"]>) => Expr,
  ctx: Context,
): Expr {
  if (update.structExpression === undefined) throw new AnalysisException("update_fields needs a struct.");
  const struct = resolveChild(update.structExpression);
  const value = update.valueExpression === undefined ? undefined : resolveChild(update.valueExpression);
  return updatePath(struct, parseIdentifier(update.fieldName), value, ctx);
}

function updatePath(struct: Expr, path: readonly string[], value: Expr | undefined, ctx: Context): Expr {
  const [name, ...rest] = path;
  if (name === undefined) throw new AnalysisException("update_fields needs a field name.");
  if (struct.type.kind.case !== "struct") {
    throw unexpectedInput(`update_fields(${displayOf(struct)})`, 0, struct, '"STRUCT"');
  }
  let op: FieldOp;
  if (rest.length === 0) op = value === undefined ? { kind: "drop", name } : { kind: "with", name, value };
  else op = { kind: "with", name, value: updatePath(readField(struct, name, ctx), rest, value, ctx) };
  const earlier = struct.kind === "call" ? updates.get(struct) : undefined;
  if (earlier === undefined) return build(struct, [op], ctx);
  return build(earlier.base, merge(earlier.ops, op, ctx), ctx);
}

function merge(ops: readonly FieldOp[], op: FieldOp, ctx: Context): FieldOp[] {
  const at = op.kind === "with" ? ops.findIndex((o) => o.kind === "with" && same(o.name, op.name, ctx)) : -1;
  if (at < 0) return [...ops, op];
  return ops.map((o, i) => (i === at ? op : o));
}

/** The update_fields call: the base struct, then the value of every field of the result in order. */
function build(base: Expr, ops: readonly FieldOp[], ctx: Context): Call {
  const fields = structFields(base.type).map((f, ordinal) => ({
    name: f.name,
    value: call(
      "get_struct_field",
      [base, { kind: "literal", value: ordinal, type: T.INT, nullable: false }],
      f.type,
      `${displayOf(base)}.${f.name}`,
      ctx,
      base.nullable || f.nullable,
    ) as Expr,
    nullable: f.nullable,
  }));
  for (const op of ops) {
    if (op.kind === "drop") {
      for (let i = fields.length - 1; i >= 0; i--)
        if (same((fields[i] as { name: string }).name, op.name, ctx)) fields.splice(i, 1);
      continue;
    }
    const at = fields.findIndex((f) => same(f.name, op.name, ctx));
    const field = { name: op.name, value: op.value, nullable: op.value.nullable };
    if (at < 0) fields.push(field);
    else fields[at] = field;
  }
  const shownOps = ops.map((o) => (o.kind === "drop" ? "dropfield()" : `WithField(${displayOf(o.value)})`));
  const display = `update_fields(${displayOf(base)}, ${shownOps.join(", ")})`;
  if (fields.length === 0) {
    throw dataTypeMismatch("CANNOT_DROP_ALL_FIELDS", `"${display}"`, "A struct must keep at least one field.", {});
  }
  const type = T.structType(fields.map((f) => ({ name: f.name, type: f.value.type, nullable: f.nullable })));
  const built = call(UPDATE_FIELDS, [base, ...fields.map((f) => f.value)], type, display, ctx, base.nullable);
  updates.set(built, { base, ops });
  return built;
}

function readField(struct: Expr, name: string, ctx: Context): Expr {
  const fields = structFields(struct.type);
  const ordinal = fields.findIndex((f) => same(f.name, name, ctx));
  const field = fields[ordinal];
  if (field === undefined) {
    throw sparkError(
      AnalysisException,
      "FIELD_NOT_FOUND",
      "42704",
      `No such struct field ${quoteId(name)} in ${fields.map((f) => quoteId(f.name)).join(", ")}.`,
      { fieldName: quoteId(name), fields: fields.map((f) => quoteId(f.name)).join(", ") },
    );
  }
  const index: Expr = { kind: "literal", value: ordinal, type: T.INT, nullable: false };
  return call(
    "get_struct_field",
    [struct, index],
    field.type,
    `${displayOf(struct)}.${field.name}`,
    ctx,
    struct.nullable || field.nullable,
  );
}

const same = (a: string, b: string, ctx: Context) =>
  ctx.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();

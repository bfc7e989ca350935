/**
 * Proto Expression → resolved, typed Expr. Columns resolve against the scope, functions against the builtin
 * registry (with Spark's implicit casts), aggregates into AggregateCall nodes where the caller allows them.
 */

import { create } from "@bufbuild/protobuf";
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import {
  Expression_Cast_EvalMode,
  ExpressionSchema,
  type SubqueryExpression,
} from "../../../generated/proto/spark/connect/expressions_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { dataTypeMismatch, notSupportedLocally, sparkError, unresolvedRoutine } from "../errors.js";
import { canCast, castForcesNullable } from "../functions/cast-kernel.js";
import { NAMED_FIELD_READ, resolveExtractValue } from "../functions/collection-accessors.js";
import { directPartitionId } from "../functions/direct-partition-id.js";
import { lookupScalarFunction } from "../functions/function-registry.js";
import type { ResolveContext } from "../functions/function-types.js";
import { displayOf } from "../logical/expression-display.js";
import type {
  AggregateName,
  Alias,
  Cast,
  CastMode,
  Expr,
  LambdaFunction,
  LambdaVariable,
  NamedExpr,
} from "../logical/expressions.js";
import { isGeneratorName } from "../logical/generators.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import { parseTypeString } from "../types/schema-strings.js";
import { aggregateDisplay, checkArity, typeAggregate } from "./aggregate-signatures.js";
import { expandColumnRegex, resolveColumnRegex } from "./column-regex.js";
import { misplacedGenerator } from "./generator-analysis.js";
import {
  HIGHER_ORDER_FUNCTIONS,
  type HigherOrderArgument,
  type LambdaParameter,
  lambdaArityMismatch,
  resolveHigherOrder,
} from "./higher-order-analysis.js";
import { intervalAggregate } from "./interval-aggregates.js";
import { literalFromProto } from "./literals.js";
import { expandStar, type Scope } from "./name-resolution.js";
import { resolveColumnOrField } from "./struct-field-resolution.js";
import { implicitCast } from "./type-coercion.js";
import { resolveUpdateFields } from "./update-fields-analysis.js";

export interface AnalyzerConf {
  readonly ansi: boolean;
  readonly caseSensitive: boolean;
  /** Parses `selectExpr`/`expr()` text into an Expression (the SQL front end), when available. */
  readonly parseExpression?: (text: string) => Expression;
}

const AGGREGATES: Record<string, AggregateName> = {
  count: "count",
  sum: "sum",
  avg: "avg",
  mean: "avg",
  min: "min",
  max: "max",
  first: "first",
  first_value: "first",
  last: "last",
  last_value: "last",
  count_distinct: "count",
  count_if: "count_if",
  variance: "var_samp",
  var_samp: "var_samp",
  var_pop: "var_pop",
  stddev: "stddev_samp",
  std: "stddev_samp",
  stddev_samp: "stddev_samp",
  stddev_pop: "stddev_pop",
  collect_list: "collect_list",
  array_agg: "collect_list",
  collect_set: "collect_set",
  try_sum: "try_sum",
  try_avg: "avg",
  any_value: "first",
  bool_and: "bool_and",
  every: "bool_and",
  bool_or: "bool_or",
  some: "bool_or",
  any: "bool_or",
  bit_and: "bit_and",
  bit_or: "bit_or",
  bit_xor: "bit_xor",
  max_by: "max_by",
  min_by: "min_by",
  product: "product",
  skewness: "skewness",
  kurtosis: "kurtosis",
  covar_pop: "covar_pop",
  covar_samp: "covar_samp",
  corr: "corr",
  regr_count: "regr_count",
  regr_avgx: "regr_avgx",
  regr_avgy: "regr_avgy",
  regr_sxx: "regr_sxx",
  regr_syy: "regr_syy",
  regr_sxy: "regr_sxy",
  regr_slope: "regr_slope",
  regr_intercept: "regr_intercept",
  regr_r2: "regr_r2",
  percentile: "percentile",
  median: "percentile",
  mode: "mode",
  approx_count_distinct: "approx_count_distinct",
  percentile_approx: "percentile_approx",
  approx_percentile: "percentile_approx",
  listagg: "listagg",
  string_agg: "listagg",
  bitmap_construct_agg: "bitmap_construct_agg",
  bitmap_or_agg: "bitmap_or_agg",
  bitmap_and_agg: "bitmap_and_agg",
  histogram_numeric: "histogram_numeric",
  count_min_sketch: "count_min_sketch",
  hll_sketch_agg: "hll_sketch_agg",
  hll_union_agg: "hll_union_agg",
};

/** Aggregates that answer even for an empty group (a count), so their column is never NULL. */
const NON_NULLABLE_AGGREGATES: ReadonlySet<AggregateName> = new Set([
  "regr_count",
  "approx_count_distinct",
  // Sketches and bitmaps answer an empty group with their initial (empty) image.
  "bitmap_construct_agg",
  "bitmap_or_agg",
  "bitmap_and_agg",
  "count_min_sketch",
  "hll_sketch_agg",
  "hll_union_agg",
]);

/** Whether a function name is one of the aggregates the engine computes. */
export const isAggregateFunctionName = (name: string): boolean => Object.hasOwn(AGGREGATES, name.toLowerCase());

export class IdGenerator {
  private next = 1;
  fresh(): number {
    return this.next++;
  }
}

export class ExpressionAnalyzer {
  /** Above zero while a select list resolves (a generator found there is nested in an expression). */
  private selectListDepth = 0;
  /** The lambda variables in scope, innermost lambda last, by (case-folded unless case-sensitive) name. */
  private readonly lambdaScopes: Map<string, LambdaVariable>[] = [];
  /** Resolves a SubqueryExpression met in `scope` (set by the relation analyzer). */
  resolveSubquery?: (subquery: SubqueryExpression, scope: Scope) => Expr;
  /**
   * The scopes of the queries enclosing the subquery being analysed, innermost last: a column a subquery's own
   * scope lacks resolves against them (an outer reference), as Spark resolves correlated subqueries.
   */
  readonly outerScopes: Scope[] = [];

  constructor(
    private readonly ids: IdGenerator,
    private readonly conf: AnalyzerConf,
  ) {}

  /** One instant per analysis, as Spark fixes current_timestamp() and friends once per query. */
  private readonly instantMicros = BigInt(Date.now()) * 1000n;

  private get ctx(): ResolveContext {
    return { ansi: this.conf.ansi, instantMicros: this.instantMicros };
  }

  scope(input: Scope["input"], plans: Scope["plans"]): Scope {
    return { input, plans, caseSensitive: this.conf.caseSensitive };
  }

  /** Runs `f` resolving a select list, where a misplaced generator is one nested in an expression. */
  inSelectList<R>(f: () => R): R {
    this.selectListDepth++;
    try {
      return f();
    } finally {
      this.selectListDepth--;
    }
  }

  /** Resolves one expression; `aggregates` says whether aggregate functions may appear here. */
  resolve(expression: Expression, scope: Scope, aggregates = false): Expr {
    const e = expression.exprType;
    switch (e.case) {
      case "literal":
        return literalFromProto(e.value);
      case "unresolvedAttribute":
        return this.column(e.value.unparsedIdentifier, e.value.planId, scope);
      case "unresolvedExtractValue": {
        const { child, extraction } = e.value;
        if (!child || !extraction) throw new AnalysisException("An extraction without a child or a key.");
        return resolveExtractValue(
          this.resolve(child, scope, aggregates),
          this.resolve(extraction, scope, aggregates),
          this.ctx,
        );
      }
      case "alias": {
        if (!e.value.expr) throw new AnalysisException("An alias without an expression.");
        const name = e.value.name.join(".");
        return this.alias(this.resolve(e.value.expr, scope, aggregates), name, e.value.metadata);
      }
      case "cast": {
        if (!e.value.expr) throw new AnalysisException("A cast without an expression.");
        const child = this.resolve(e.value.expr, scope, aggregates);
        const target = e.value.castToType;
        if (target.case === undefined) throw new AnalysisException("A cast without a target type.");
        const type = target.case === "type" ? target.value : parseTypeString(target.value);
        return this.cast(child, type, e.value.evalMode);
      }
      case "unresolvedFunction": {
        const { functionName, isDistinct } = e.value;
        // Generators are planned as Generate nodes by the select list; reaching one here means it is misplaced.
        if (isGeneratorName(functionName)) throw misplacedGenerator(functionName, this.selectListDepth > 0);
        const aggregate = AGGREGATES[functionName.toLowerCase()];
        if (aggregate !== undefined) {
          if (!aggregates) {
            throw sparkError(
              AnalysisException,
              "UNSUPPORTED_EXPR_FOR_OPERATOR",
              "42K0E",
              `Aggregate function ${functionName} is not allowed here.`,
              {
                invalidExprSqls: `"${functionName}"`,
              },
            );
          }
          const distinct = isDistinct || functionName.toLowerCase() === "count_distinct";
          return this.aggregate(aggregate, e.value.arguments, distinct, scope, functionName.toLowerCase());
        }
        if (e.value.arguments.some((a) => a.exprType.case === "lambdaFunction")) {
          return this.higherOrder(functionName, e.value.arguments, scope, aggregates);
        }
        const args = e.value.arguments.map((a) => this.resolve(a, scope, aggregates));
        const found = lookupScalarFunction(functionName);
        if (found === undefined) throw unresolvedRoutine(functionName);
        return found.fn.resolve(args, this.ctx, functionName.toLowerCase());
      }
      case "callFunction": {
        // call_function(name, ...): the same builtin lookup as an ordinary call by name.
        const { functionName, arguments: args } = e.value;
        const call = create(ExpressionSchema, {
          exprType: { case: "unresolvedFunction", value: { functionName, arguments: args } },
        });
        return this.resolve(call, scope, aggregates);
      }
      case "unresolvedNamedLambdaVariable":
        return this.lambdaVariable(e.value.nameParts);
      case "unresolvedStar":
        throw sparkError(
          AnalysisException,
          "INVALID_USAGE_OF_STAR_OR_REGEX",
          "42000",
          "`*` can only be used in a select list or count(*).",
          {
            elem: "'*'",
            prettyName: "expression",
          },
        );
      case "updateFields":
        return resolveUpdateFields(e.value, (x) => this.resolve(x, scope, aggregates), {
          ansi: this.conf.ansi,
          caseSensitive: this.conf.caseSensitive,
        });
      case "directShufflePartitionId": {
        if (!e.value.child) throw new AnalysisException("A partition id without an expression.");
        return directPartitionId(this.resolve(e.value.child, scope, aggregates), this.ctx);
      }
      case "subqueryExpression":
        if (this.resolveSubquery === undefined) throw notSupportedLocally("subquery expressions");
        return this.resolveSubquery(e.value, scope);
      case "unresolvedRegex":
        return resolveColumnRegex(e.value.colName, e.value.planId, scope);
      case "expressionString":
        if (this.conf.parseExpression)
          return this.resolve(this.conf.parseExpression(e.value.expression), scope, aggregates);
        throw notSupportedLocally(`SQL expression strings (selectExpr/expr: ${JSON.stringify(e.value.expression)})`);
      default:
        throw notSupportedLocally(`the ${e.case ?? "empty"} expression`);
    }
  }

  /** A column of `scope`, else of the enclosing queries' scopes, innermost first (an outer reference). */
  private column(identifier: string, planId: bigint | undefined, scope: Scope): Expr {
    try {
      return resolveColumnOrField(identifier, planId, scope, this.ctx);
    } catch (error) {
      const unresolved = error instanceof AnalysisException && error.errorClass?.startsWith("UNRESOLVED_COLUMN");
      if (!unresolved) throw error;
      for (const outer of this.outerScopes.toReversed()) {
        try {
          return resolveColumnOrField(identifier, planId, outer, this.ctx);
        } catch (outerError) {
          if (!(outerError instanceof AnalysisException)) throw outerError;
        }
      }
      throw error;
    }
  }

  /** A builtin scalar function applied to resolved arguments (with its implicit casts). */
  call(name: string, args: readonly Expr[]): Expr {
    const found = lookupScalarFunction(name);
    if (found === undefined) throw unresolvedRoutine(name);
    return found.fn.resolve([...args], this.ctx, name);
  }

  private higherOrder(name: string, raw: readonly Expression[], scope: Scope, aggregates: boolean): Expr {
    const lower = name.toLowerCase();
    if (!HIGHER_ORDER_FUNCTIONS.has(lower)) {
      if (lookupScalarFunction(name) === undefined) throw unresolvedRoutine(name);
      throw notSupportedLocally(`lambda arguments to ${lower}`);
    }
    const written = raw.map((argument): HigherOrderArgument => {
      if (argument.exprType.case !== "lambdaFunction") {
        return { kind: "value", expr: this.resolve(argument, scope, aggregates) };
      }
      const lambda = argument.exprType.value;
      return {
        kind: "lambda",
        arity: lambda.arguments.length,
        bind: (params) => this.bindLambda(lambda, params, scope),
      };
    });
    return resolveHigherOrder(lower, written, this.ctx);
  }

  /** Binds a lambda's parameters to the given types and resolves its body with them in scope. */
  private bindLambda(
    lambda: Extract<Expression["exprType"], { case: "lambdaFunction" }>["value"],
    params: readonly LambdaParameter[],
    scope: Scope,
  ): LambdaFunction {
    if (lambda.arguments.length !== params.length) throw lambdaArityMismatch(lambda.arguments.length, params.length);
    if (!lambda.function) throw new AnalysisException("A lambda function without a body.");
    const variables = lambda.arguments.map(
      (argument, i): LambdaVariable => ({
        kind: "lambdaVar",
        id: this.ids.fresh(),
        name: argument.nameParts.join("."),
        type: (params[i] as LambdaParameter).type,
        nullable: (params[i] as LambdaParameter).nullable,
      }),
    );
    this.lambdaScopes.push(new Map(variables.map((v) => [this.lambdaKey(v.name), v])));
    try {
      const body = this.resolve(lambda.function, scope, false);
      return { kind: "lambda", params: variables, body, type: body.type, nullable: body.nullable };
    } finally {
      this.lambdaScopes.pop();
    }
  }

  private lambdaKey(name: string): string {
    return this.conf.caseSensitive ? name : name.toLowerCase();
  }

  /** A lambda variable (innermost binding wins), then any further name parts as struct field reads. */
  private lambdaVariable(nameParts: readonly string[]): Expr {
    const [head, ...fields] = nameParts;
    const key = this.lambdaKey(head ?? "");
    const variable = this.lambdaScopes.findLast((names) => names.has(key))?.get(key);
    if (variable === undefined) {
      throw new AnalysisException(`The lambda variable ${nameParts.join(".")} is used outside its lambda function.`);
    }
    let expr: Expr = variable;
    for (const field of fields) {
      expr = resolveExtractValue(expr, { kind: "literal", value: field, type: T.STRING, nullable: false }, this.ctx);
    }
    return expr;
  }

  /** Resolves a select list: stars expand, every entry gets a name. */
  resolveNamed(expressions: readonly Expression[], scope: Scope, aggregates = false): NamedExpr[] {
    const out: NamedExpr[] = [];
    for (const expression of expressions) {
      if (expression.exprType.case === "unresolvedStar") {
        const star = expression.exprType.value;
        out.push(...expandStar(star.unparsedTarget, star.planId, scope));
        continue;
      }
      if (expression.exprType.case === "unresolvedRegex") {
        const regex = expression.exprType.value;
        out.push(...expandColumnRegex(regex.colName, regex.planId, scope));
        continue;
      }
      out.push(this.named(this.resolve(expression, scope, aggregates)));
    }
    return out;
  }

  named(expr: Expr): NamedExpr {
    if (expr.kind === "attr" || expr.kind === "alias") return expr;
    // A struct field read on its own is named after the field (`st.a` → `a`), as Spark names it.
    if (expr.kind === "call" && expr.name === NAMED_FIELD_READ) {
      return this.alias(expr, expr.display.slice(expr.display.lastIndexOf(".") + 1));
    }
    // A column cast at the top keeps the column's name (`col("n").cast("int")` is still `n`), as in Spark.
    if (expr.kind === "cast" && !expr.implicit && expr.child.kind === "attr") return this.alias(expr, expr.child.name);
    return this.alias(expr, displayOf(expr));
  }

  /** Names `child`; as in Spark, renaming a column keeps its metadata unless `metadata` replaces it. */
  alias(child: Expr, name: string, metadata?: string): Alias {
    const alias: Alias = {
      kind: "alias",
      child,
      name,
      exprId: this.ids.fresh(),
      type: child.type,
      nullable: child.nullable,
    };
    const kept = metadata ?? (child.kind === "attr" || child.kind === "alias" ? child.metadata : undefined);
    return kept === undefined || kept === "{}" ? alias : { ...alias, metadata: kept };
  }

  cast(child: Expr, type: T.DataType, evalMode: Expression_Cast_EvalMode = Expression_Cast_EvalMode.UNSPECIFIED): Cast {
    if (!canCast(child.type, type)) {
      const sqlExpr = `"CAST(${displayOf(child)} AS ${T.simpleString(type).toUpperCase()})"`;
      throw dataTypeMismatch(
        "CAST_WITHOUT_SUGGESTION",
        sqlExpr,
        `${T.sqlTypeName(child.type)} cannot be cast to ${T.sqlTypeName(type)}.`,
        {
          srcType: T.sqlTypeName(child.type),
          targetType: T.sqlTypeName(type),
        },
      );
    }
    const mode: CastMode =
      evalMode === Expression_Cast_EvalMode.TRY
        ? "try"
        : evalMode === Expression_Cast_EvalMode.LEGACY
          ? "legacy"
          : evalMode === Expression_Cast_EvalMode.ANSI
            ? "ansi"
            : this.conf.ansi
              ? "ansi"
              : "legacy";
    const nullable = child.nullable || mode === "try" || castForcesNullable(child.type, type);
    return { kind: "cast", child, type, nullable, mode, implicit: false };
  }

  private aggregate(
    name: AggregateName,
    rawArgs: readonly Expression[],
    distinct: boolean,
    scope: Scope,
    spelled: string,
  ): Expr {
    const isCountStar = name === "count" && rawArgs.length === 1 && rawArgs[0]?.exprType.case === "unresolvedStar";
    const args: Expr[] = isCountStar
      ? [{ kind: "literal", value: 1, type: T.INT, nullable: false }]
      : rawArgs.map((a) => this.resolve(a, scope, false));
    const [child] = args;
    if (child === undefined) throw notSupportedLocally(`${spelled}() without arguments`);
    checkArity(name, spelled, args);
    if (spelled === "median") args.push({ kind: "literal", value: 0.5, type: T.DOUBLE, nullable: false });
    const display = aggregateDisplay(spelled, spelled === "median" ? [child] : args, distinct);
    const shownName = display.slice(0, display.indexOf("("));
    const base = { kind: "aggregate" as const, name, distinct, display, ansi: this.conf.ansi };
    switch (name) {
      case "count":
        return { ...base, args, type: T.LONG, nullable: false };
      case "count_if":
        if (child.type.kind.case !== "boolean") {
          throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, "count_if needs a BOOLEAN input.", {
            paramIndex: "first",
            requiredType: '"BOOLEAN"',
            inputSql: `"${displayOf(child)}"`,
            inputType: T.sqlTypeName(child.type),
          });
        }
        return { ...base, args: [child], type: T.LONG, nullable: false };
      case "var_samp":
      case "var_pop":
      case "stddev_samp":
      case "stddev_pop":
        if (!T.isNumeric(child.type) && !T.isNullType(child.type) && !T.isString(child.type)) {
          throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, `${shownName} needs a numeric input.`, {
            paramIndex: "first",
            requiredType: '"DOUBLE"',
            inputSql: `"${displayOf(child)}"`,
            inputType: T.sqlTypeName(child.type),
          });
        }
        return { ...base, args: [implicitCast(child, T.DOUBLE)], type: T.DOUBLE, nullable: true };
      case "sum":
      case "try_sum":
      case "avg": {
        if (T.isAnsiInterval(child.type)) return intervalAggregate(name, child, base, this.ctx);
        const input = T.isString(child.type)
          ? implicitCast(child, T.DOUBLE)
          : T.isNullType(child.type)
            ? implicitCast(child, T.DOUBLE)
            : child;
        if (!T.isNumeric(input.type)) {
          throw dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, `${shownName} needs a numeric input.`, {
            paramIndex: "first",
            requiredType: '("NUMERIC" or "ANSI INTERVAL")',
            inputSql: `"${displayOf(child)}"`,
            inputType: T.sqlTypeName(child.type),
          });
        }
        if (input.type.kind.case === "decimal") {
          // Spark: sum widens by 10 digits, avg by 4 digits of precision and scale (both capped at 38).
          const { precision, scale } = T.decimalParts(input.type);
          const type =
            name !== "avg"
              ? T.decimalType(Math.min(38, precision + 10), scale)
              : T.decimalType(Math.min(38, precision + 4), Math.min(38, scale + 4));
          return { ...base, args: [input], type, nullable: true };
        }
        const type = name === "avg" || T.isFractional(input.type) ? T.DOUBLE : T.LONG;
        return { ...base, args: [input], type, nullable: true };
      }
      case "collect_list":
      case "collect_set":
        // NULL inputs are skipped, so the array never holds NULLs, and an empty group gives [] (not NULL).
        return { ...base, args: [child], type: arrayType(child.type, false), nullable: false };
      case "first":
      case "last":
        // The optional second argument says whether NULLs are skipped.
        return { ...base, args, type: child.type, nullable: true };
      default: {
        const typed = typeAggregate(name, args, display);
        if (typed !== undefined) return { ...base, ...typed, nullable: !NON_NULLABLE_AGGREGATES.has(name) };
        return { ...base, args: [child], type: child.type, nullable: true };
      }
    }
  }
}

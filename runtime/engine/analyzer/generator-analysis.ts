/**
 * Generators in a select list (`select(explode("arr"))`, `withColumn("x", posexplode(...))`), as table-valued
 * functions (`spark.tvf.explode`, `FROM explode(...)`) and in `LATERAL VIEW`: the generator becomes a Generate
 * node under the projection, which reads its columns. Spark's rules apply: one generator per select list, at
 * the top of its entry (an alias is allowed), with Spark's column names (`col`, `pos`, `key`, `value`, struct
 * field names, `col0`...).
 */
import type { Expression, Expression_Alias } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { dataTypeMismatch, notSupportedLocally, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import { type AttributeRef, type Expr, isAggregate, type NamedExpr } from "../logical/expressions.js";
import { GENERATOR_FUNCTIONS, type Generator, isGeneratorName } from "../logical/generators.js";
import { type LogicalPlan, outputOf, toAttribute } from "../logical/logical-plan.js";
import * as T from "../types/data-types.js";
import { arrayParts, mapParts, structFields } from "../types/nested-types.js";
import type { RelationAnalyzer } from "./relation-analyzer.js";
import { implicitCast } from "./type-coercion.js";

/** A generator call at the top of a select entry, with the names an alias gives its columns. */
interface GeneratorEntry {
  readonly name: string;
  readonly args: readonly Expression[];
  readonly aliases: readonly string[] | undefined;
  /** Column metadata the alias sets (JSON text), kept on a single generated column. */
  readonly metadata?: string | undefined;
}

/** The select entry as a generator call (looking through an alias and `selectExpr` text), if it is one. */
export function generatorEntry(analyzer: RelationAnalyzer, expression: Expression): GeneratorEntry | undefined {
  let e = expression;
  let aliases: readonly string[] | undefined;
  let metadata: string | undefined;
  for (;;) {
    const t = e.exprType;
    if (t.case === "expressionString" && analyzer.options.parseExpression) {
      e = analyzer.options.parseExpression(t.value.expression);
    } else if (t.case === "alias" && aliases === undefined && t.value.expr) {
      aliases = t.value.name;
      metadata = t.value.metadata;
      e = t.value.expr;
    } else if (t.case === "unresolvedFunction" && isGeneratorName(t.value.functionName)) {
      return { name: t.value.functionName, args: t.value.arguments, aliases, metadata };
    } else {
      return undefined;
    }
  }
}

/** The error for a generator where Spark allows none: nested in an expression, or outside a select list. */
export function misplacedGenerator(name: string, nested: boolean): AnalysisException {
  const expression = `"${name.toLowerCase()}"`;
  return nested
    ? sparkError(
        AnalysisException,
        "UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS",
        "42K0E",
        `The generator ${expression} cannot be nested in an expression.`,
        { expression },
      )
    : sparkError(
        AnalysisException,
        "UNSUPPORTED_GENERATOR.OUTSIDE_SELECT",
        "42K0E",
        `The generator ${expression} is only supported in a SELECT clause.`,
        { plan: expression },
      );
}

interface GeneratedField {
  readonly name: string;
  readonly type: T.DataType;
  readonly nullable: boolean;
}

/** Types a generator call over resolved arguments: the generator and the columns it yields (before aliases). */
export function typeGenerator(name: string, args: readonly Expr[]): { generator: Generator; fields: GeneratedField[] } {
  const spec = GENERATOR_FUNCTIONS[name.toLowerCase()];
  if (spec === undefined) throw new AnalysisException(`${name} is not a generator.`);
  const lower = name.toLowerCase();
  const display = `${lower}(${args.map(displayOf).join(", ")})`;
  if (spec.kind === "stack") return resolveStack(args, display);
  if (spec.kind === "json_tuple") return resolveJsonTuple(args, display);
  if (args.length !== 1) {
    throw sparkError(
      AnalysisException,
      "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
      "42605",
      `${lower} takes 1 argument, not ${args.length}.`,
      { functionName: `\`${lower}\``, expectedNum: "1", actualNum: String(args.length), docroot: "" },
    );
  }
  const input = args[0] as Expr;
  const generator: Generator = { kind: spec.kind, args, outer: spec.outer, display };
  const mismatch = (requiredType: string) =>
    dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, `${lower} needs ${requiredType} input.`, {
      paramIndex: "first",
      requiredType,
      inputSql: `"${displayOf(input)}"`,
      inputType: T.sqlTypeName(input.type),
    });
  const position: GeneratedField[] = spec.kind === "posexplode" ? [{ name: "pos", type: T.INT, nullable: false }] : [];
  if (spec.kind === "inline") {
    const element = input.type.kind.case === "array" ? arrayParts(input.type) : undefined;
    if (element === undefined || element.element.kind.case !== "struct") throw mismatch('"ARRAY<STRUCT>"');
    // A NULL struct in the array yields a row of NULLs, so its fields turn nullable.
    const fields = structFields(element.element).map((f) => ({ ...f, nullable: f.nullable || element.containsNull }));
    return { generator, fields };
  }
  if (input.type.kind.case === "array") {
    const { element, containsNull } = arrayParts(input.type);
    return { generator, fields: [...position, { name: "col", type: element, nullable: containsNull }] };
  }
  if (input.type.kind.case === "map") {
    const { key, value, valueContainsNull } = mapParts(input.type);
    const entry = [
      { name: "key", type: key, nullable: false },
      { name: "value", type: value, nullable: valueContainsNull },
    ];
    return { generator, fields: [...position, ...entry] };
  }
  throw mismatch('("ARRAY" or "MAP")');
}

/** `json_tuple(json, f1, ..., fn)`: one row of n string columns `c0` .. `c(n-1)`; every argument is a string. */
function resolveJsonTuple(args: readonly Expr[], display: string): { generator: Generator; fields: GeneratedField[] } {
  if (args.length < 2) {
    throw sparkError(
      AnalysisException,
      "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
      "42605",
      `json_tuple takes at least 2 arguments, not ${args.length}.`,
      { functionName: "`json_tuple`", expectedNum: "> 1", actualNum: String(args.length), docroot: "" },
    );
  }
  if (args.some((a) => !T.isString(a.type) && !T.isNullType(a.type))) {
    throw dataTypeMismatch("NON_STRING_TYPE", `"${display}"`, "json_tuple needs string arguments.", {
      funcName: "`json_tuple`",
    });
  }
  const typed = args.map((a) => (T.isNullType(a.type) ? implicitCast(a, T.STRING) : a));
  const fields = typed.slice(1).map((_, i) => ({ name: `c${i}`, type: T.STRING, nullable: true }));
  return { generator: { kind: "json_tuple", args: typed, outer: false, display }, fields };
}

/** `stack(n, v1, v2, ...)`: n rows of ceil(values / n) columns; a column's type is its first non-NULL value's. */
function resolveStack(args: readonly Expr[], display: string): { generator: Generator; fields: GeneratedField[] } {
  const [count, ...values] = args;
  if (count === undefined || values.length === 0) {
    throw sparkError(
      AnalysisException,
      "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
      "42605",
      `stack takes at least 2 arguments, not ${args.length}.`,
      { functionName: "`stack`", expectedNum: "> 1", actualNum: String(args.length), docroot: "" },
    );
  }
  if (count.kind !== "literal" || !T.isIntegral(count.type) || count.value === null) {
    throw dataTypeMismatch("NON_FOLDABLE_INPUT", `"${display}"`, "stack needs a constant integer row count.", {
      inputName: "`n`",
      inputType: '"INT"',
      inputExpr: `"${displayOf(count)}"`,
    });
  }
  const rows = Number(count.value);
  if (rows <= 0) {
    throw dataTypeMismatch("VALUE_OUT_OF_RANGE", `"${display}"`, "stack needs a positive row count.", {
      exprName: "`n`",
      valueRange: "(0, 2147483647]",
      currentValue: String(rows),
    });
  }
  const width = Math.ceil(values.length / rows);
  const columnTypes = Array.from(
    { length: width },
    (_, c) =>
      values.filter((_, i) => i % width === c).find((v) => !T.isNullType(v.type))?.type ?? (T.NULL as T.DataType),
  );
  const typed = values.map((v, i) => {
    const type = columnTypes[i % width] as T.DataType;
    if (T.sameType(v.type, type)) return v;
    if (T.isNullType(v.type)) return implicitCast(v, type);
    throw dataTypeMismatch("STACK_COLUMN_DIFF_TYPES", `"${display}"`, "stack's columns must each have one type.", {
      columnIndex: String(i % width),
      leftParamIndex: String((i % width) + 1),
      leftType: T.sqlTypeName(type),
      rightParamIndex: String(i + 1),
      rightType: T.sqlTypeName(v.type),
    });
  });
  const fields = columnTypes.map((type, c) => ({ name: `col${c}`, type, nullable: true }));
  return { generator: { kind: "stack", args: [count, ...typed], outer: false, display }, fields };
}

/**
 * The Generate node for a generator call over `child`, its columns named by `aliases` (when given, one per
 * column) and qualified by `qualifier`. An outer generator's columns are all nullable.
 */
export function planGenerate(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  entry: GeneratorEntry,
  outer = false,
  qualifier: readonly string[] = [],
  resolvedArgs?: readonly Expr[],
): LogicalPlan & { kind: "generate" } {
  const scope = analyzer.scopeOf(child);
  const args = resolvedArgs ?? entry.args.map((a) => analyzer.exprs.resolve(a, scope));
  const resolved = typeGenerator(entry.name, args);
  const generator = outer ? { ...resolved.generator, outer: true } : resolved.generator;
  const { fields } = resolved;
  const aliases = entry.aliases;
  if (aliases !== undefined && aliases.length !== fields.length) {
    throw sparkError(
      AnalysisException,
      "UDTF_ALIAS_NUMBER_MISMATCH",
      "42802",
      `${generator.display} yields ${fields.length} columns but was given ${aliases.length} aliases.`,
      { aliasesSize: String(fields.length), aliasesNames: aliases.join(", ") },
    );
  }
  const metadata = fields.length === 1 && entry.metadata !== undefined ? { metadata: entry.metadata } : {};
  const generatorOutput: AttributeRef[] = fields.map((f, i) => ({
    ...analyzer.attribute(aliases?.[i] ?? f.name, f.type, f.nullable || generator.outer),
    ...metadata,
    qualifier,
  }));
  return { kind: "generate", child, generator, generatorOutput };
}

/**
 * A select list holding generators: Project(entries, each generator's columns in its place) over one Generate
 * per generator, the first one outermost in row order (as Spark nests them). Aggregates in the list (or in a
 * generator's argument) first become an Aggregate over the whole input, which the generators then read.
 */
export function projectWithGenerators(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  expressions: readonly Expression[],
  /** Set for a grouped select (`groupBy(...).agg(explode(collect_list(v)))`): the Aggregate's grouping. */
  groupings?: readonly NamedExpr[],
): LogicalPlan | undefined {
  const entries = expressions.map((e) => generatorEntry(analyzer, e));
  if (entries.every((e) => e === undefined)) return undefined;
  const scope = analyzer.scopeOf(child);
  let args = entries.map((e) => e?.args.map((a) => analyzer.exprs.resolve(a, scope, true)) ?? []);
  let others = expressions.map((e, i) =>
    entries[i] === undefined ? analyzer.exprs.resolveNamed([e], scope, true) : [],
  );
  let input = child;
  if (groupings !== undefined || [...args.flat(), ...others.flat()].some(isAggregate)) {
    const hidden = args.map((list) => list.map((a) => analyzer.exprs.alias(a, displayOf(a))));
    const keys = groupings ?? [];
    input = analyzer.aggregate(child, keys, [...keys.map(toAttribute), ...others.flat(), ...hidden.flat()]);
    others = others.map((list) => list.map(toAttribute));
    args = hidden.map((list) => list.map(toAttribute));
  }
  // Connect's Aggregate outputs its grouping columns first.
  const exprs: NamedExpr[] = (groupings ?? []).map(toAttribute);
  for (const [i, entry] of entries.entries()) {
    if (entry === undefined) {
      exprs.push(...(others[i] ?? []));
      continue;
    }
    const generate = planGenerate(analyzer, input, entry, false, [], args[i]);
    exprs.push(...generate.generatorOutput);
    input = generate;
  }
  return { kind: "project", child: input, exprs };
}

/**
 * withColumn / withColumns with generators: each generator's single column (named by its key) replaces or
 * appends the named column, over one Generate per generator; undefined when none of the values is a generator.
 */
export function withGeneratedColumns(
  analyzer: RelationAnalyzer,
  child: LogicalPlan,
  aliases: readonly Expression_Alias[],
): LogicalPlan | undefined {
  const entries = aliases.map((a) => (a.expr === undefined ? undefined : generatorEntry(analyzer, a.expr)));
  if (entries.every((e) => e === undefined)) return undefined;
  const scope = analyzer.scopeOf(child);
  const current: NamedExpr[] = [...outputOf(child)];
  let input = child;
  for (const [i, alias] of aliases.entries()) {
    const name = alias.name.join(".");
    const entry = entries[i];
    let column: NamedExpr;
    if (entry !== undefined) {
      const generate = planGenerate(analyzer, input, { ...entry, aliases: [name] });
      input = generate;
      column = generate.generatorOutput[0] as AttributeRef;
    } else {
      if (alias.expr === undefined) throw new AnalysisException("withColumns got an alias without an expression.");
      const expression = alias.expr;
      column = analyzer.exprs.alias(
        analyzer.exprs.inSelectList(() => analyzer.exprs.resolve(expression, scope)),
        name,
      );
    }
    const at = current.findIndex((c) => analyzer.sameName(c.name, name));
    if (at >= 0) current[at] = column;
    else current.push(column);
  }
  return { kind: "project", child: input, exprs: current };
}

/** A generator as a table function (`spark.tvf.explode(...)`, `SELECT * FROM explode(...)`): over one empty row. */
export function generatorTable(
  analyzer: RelationAnalyzer,
  name: string,
  args: readonly Expression[],
  oneRow: LogicalPlan,
): LogicalPlan {
  return planGenerate(analyzer, oneRow, { name, args, aliases: undefined });
}

/**
 * `LATERAL VIEW [OUTER] gen(args) t [AS c1, ...]` as the SQL front end writes it: a lateral join whose right side
 * is the generator table function (under an optional alias and column names). Other lateral joins are not
 * supported yet.
 */
export function lateralGenerate(
  analyzer: RelationAnalyzer,
  left: LogicalPlan,
  right: Relation,
  outer: boolean,
  hasCondition: boolean,
): LogicalPlan {
  let node = right;
  let qualifier: readonly string[] = [];
  let aliases: readonly string[] | undefined;
  for (;;) {
    const t = node.relType;
    if (t.case === "subqueryAlias" && t.value.input && qualifier.length === 0) {
      qualifier = [...t.value.qualifier, t.value.alias];
      node = t.value.input;
    } else if (t.case === "toDf" && t.value.input && aliases === undefined) {
      aliases = t.value.columnNames;
      node = t.value.input;
    } else break;
  }
  const t = node.relType;
  if (hasCondition || t.case !== "unresolvedTableValuedFunction" || !isGeneratorName(t.value.functionName))
    throw notSupportedLocally("lateral joins other than LATERAL VIEW / LATERAL generator(...)");
  return planGenerate(
    analyzer,
    left,
    { name: t.value.functionName, args: t.value.arguments, aliases },
    outer,
    qualifier,
  );
}

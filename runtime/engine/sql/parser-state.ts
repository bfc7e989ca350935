/**
 * Everything one parse carries besides the token cursor: options, plan ids for subquery references, and the
 * scopes that change how names read (CTEs, lambda variables, named windows awaiting their WINDOW clause).
 */
import { create } from "@bufbuild/protobuf";
import type { Expression, Expression_Window } from "../../../generated/proto/spark/connect/expressions_pb.js";
import {
  type Relation,
  RelationCommonSchema,
  RelationSchema,
} from "../../../generated/proto/spark/connect/relations_pb.js";
import { invalidSql } from "./parse-error.js";
import type { Token } from "./token.js";
import type { TokenStream } from "./token-stream.js";

export interface ParseOptions {
  /** Zone for `TIMESTAMP '...'` literals without an explicit zone (Spark: `spark.sql.session.timeZone`). */
  readonly sessionTimeZone?: string;
  /** `spark.sql.legacy.interval.enabled`: list-form interval literals become CalendarIntervals. */
  readonly legacyCalendarInterval?: boolean;
  /** Values for `:name` markers (`spark.sql(text, args={...})`). */
  readonly namedArguments?: Readonly<Record<string, Expression>>;
  /** Values for `?` markers, in order (`spark.sql(text, args=[...])`). */
  readonly positionalArguments?: readonly Expression[];
  /** Relations the query can read by name, as if defined in a WITH clause (the DataFrames of `spark.sql` kwargs). */
  readonly views?: ReadonlyMap<string, Relation>;
  /** First plan id handed to subquery relations (they are referenced by id from SubqueryExpression). */
  readonly firstPlanId?: bigint;
}

/** A `OVER w` use whose window spec is filled in when the query's WINDOW clause is read. */
export interface PendingWindowReference {
  readonly name: string;
  readonly window: Expression_Window;
  readonly token: Token;
}

export class ParserState {
  private nextPlanId: bigint;
  private positionalIndex = 0;
  private readonly subqueryScopes: Relation[][] = [];
  private readonly cteScopes: Map<string, Relation>[] = [];
  private readonly lambdaScopes: Set<string>[] = [];
  private readonly windowScopes: PendingWindowReference[][] = [];

  constructor(
    readonly stream: TokenStream,
    readonly options: ParseOptions,
  ) {
    this.nextPlanId = options.firstPlanId ?? 0n;
    if (options.views !== undefined)
      this.cteScopes.push(new Map([...options.views].map(([name, relation]) => [name.toLowerCase(), relation])));
  }

  get sql(): string {
    return this.stream.sql;
  }

  get sessionTimeZone(): string {
    return this.options.sessionTimeZone ?? "UTC";
  }

  /** Gives a subquery's relation a plan id and records it as a reference of the node being built. */
  registerSubquery(relation: Relation, at: Token): bigint {
    const scope = this.subqueryScopes.at(-1);
    if (scope === undefined) {
      throw invalidSql(
        this.sql,
        at,
        "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY",
        "0A000",
        "Subqueries are not allowed here.",
      );
    }
    const planId = this.nextPlanId++;
    relation.common = create(RelationCommonSchema, { planId });
    scope.push(relation);
    return planId;
  }

  /** Runs `parse`, returning its result and the subqueries its expressions referenced. */
  collectSubqueries<T>(parse: () => T): [T, Relation[]] {
    this.subqueryScopes.push([]);
    let value: T;
    let references: Relation[];
    try {
      value = parse();
    } finally {
      references = this.subqueryScopes.pop()!;
    }
    return [value, references];
  }

  /**
   * Wraps `node` in `WithRelations` when its expressions reference subqueries, as PySpark does, so the
   * subquery plans travel with the operator that uses them.
   */
  attachSubqueries(node: Relation, references: readonly Relation[]): Relation {
    if (references.length === 0) return node;
    return create(RelationSchema, {
      relType: { case: "withRelations", value: { root: node, references: [...references] } },
    });
  }

  /** Runs `parse` with the given CTE definitions visible (inner definitions shadow outer ones). */
  withCtes<T>(ctes: Map<string, Relation>, parse: () => T): T {
    this.cteScopes.push(ctes);
    try {
      return parse();
    } finally {
      this.cteScopes.pop();
    }
  }

  lookupCte(name: string): Relation | undefined {
    for (let i = this.cteScopes.length - 1; i >= 0; i--) {
      const found = this.cteScopes[i]!.get(name.toLowerCase());
      if (found !== undefined) return found;
    }
    return undefined;
  }

  withLambdaVariables<T>(names: readonly string[], parse: () => T): T {
    this.lambdaScopes.push(new Set(names.map((name) => name.toLowerCase())));
    try {
      return parse();
    } finally {
      this.lambdaScopes.pop();
    }
  }

  isLambdaVariable(name: string): boolean {
    return this.lambdaScopes.some((scope) => scope.has(name.toLowerCase()));
  }

  /** Starts collecting `OVER name` references for one query specification. */
  beginWindowScope(): PendingWindowReference[] {
    const scope: PendingWindowReference[] = [];
    this.windowScopes.push(scope);
    return scope;
  }

  endWindowScope(): void {
    this.windowScopes.pop();
  }

  addWindowReference(reference: PendingWindowReference): void {
    const scope = this.windowScopes.at(-1);
    if (scope === undefined) throw this.stream.error(reference.token);
    scope.push(reference);
  }

  /** The expression bound to a `?` or `:name` marker. */
  parameter(token: Token): Expression {
    if (token.kind === "namedParam") {
      if (this.options.positionalArguments !== undefined && this.options.positionalArguments.length > 0) {
        throw mixedParameters(this.sql, token);
      }
      const value = this.options.namedArguments?.[token.text];
      if (value === undefined) throw unboundParameter(this.sql, token, token.text);
      return value;
    }
    if (this.options.namedArguments !== undefined && Object.keys(this.options.namedArguments).length > 0) {
      throw mixedParameters(this.sql, token);
    }
    const index = this.positionalIndex++;
    const value = this.options.positionalArguments?.[index];
    if (value === undefined) throw unboundParameter(this.sql, token, `_${index + 1}`);
    return value;
  }
}

function unboundParameter(sql: string, token: Token, name: string): Error {
  return invalidSql(
    sql,
    token,
    "UNBOUND_SQL_PARAMETER",
    "42P02",
    `Found the unbound parameter: ${name}. Please, fix \`args\` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as \`map()\`, \`array()\`, \`struct()\`.`,
    { name },
  );
}

function mixedParameters(sql: string, token: Token): Error {
  return invalidSql(
    sql,
    token,
    "INVALID_QUERY_MIXED_QUERY_PARAMETERS",
    "42613",
    "Parameterized query must either use positional, or named parameters, but not both.",
  );
}

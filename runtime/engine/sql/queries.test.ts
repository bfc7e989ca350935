/**
 * Parsed queries against the Relation trees PySpark's DataFrame API builds for the same operation, written out
 * by hand with `create(...)` (plan ids left out: PySpark numbers every node, the parser only subqueries).
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { type Expression, ExpressionSchema } from "../../../generated/proto/spark/connect/expressions_pb.js";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { parseError, queryOf, relationJson } from "./sql-test-helpers.js";

type RelationInit = MessageInitShape<typeof RelationSchema>;
type ExpressionInit = MessageInitShape<typeof ExpressionSchema>;

const rel = (init: RelationInit): Relation => create(RelationSchema, init);
const col = (name: string): ExpressionInit => ({
  exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: name } },
});
const int = (value: number): ExpressionInit => ({
  exprType: { case: "literal", value: { literalType: { case: "integer", value } } },
});
const fn = (name: string, ...args: ExpressionInit[]): ExpressionInit => ({
  exprType: { case: "unresolvedFunction", value: { functionName: name, arguments: args } },
});
const alias = (expr: ExpressionInit, name: string): ExpressionInit => ({
  exprType: { case: "alias", value: { expr, name: [name] } },
});
const table = (name: string): RelationInit => ({
  relType: { case: "read", value: { readType: { case: "namedTable", value: { unparsedIdentifier: name } } } },
});
const sortOrder = (child: ExpressionInit, descending = false) => ({
  child,
  direction: descending ? 2 : 1,
  nullOrdering: descending ? 2 : 1,
});

function expectSame(sql: string, expected: Relation): void {
  expect(relationJson(queryOf(sql))).toEqual(relationJson(expected));
}

describe("SELECT / WHERE / ORDER BY / LIMIT", () => {
  it("matches spark.table('t').filter(col('a') > 1).select('a', (col('b') + 1).alias('c'))", () => {
    expectSame(
      "SELECT a, b + 1 AS c FROM t WHERE a > 1",
      rel({
        relType: {
          case: "project",
          value: {
            input: { relType: { case: "filter", value: { input: table("t"), condition: fn(">", col("a"), int(1)) } } },
            expressions: [col("a"), alias(fn("+", col("b"), int(1)), "c")],
          },
        },
      }),
    );
  });

  it("matches .orderBy(col('a').desc(), 'b').offset(2).limit(3)", () => {
    const projected: RelationInit = {
      relType: {
        case: "project",
        value: { input: table("t"), expressions: [{ exprType: { case: "unresolvedStar", value: {} } }] },
      },
    };
    const sorted: RelationInit = {
      relType: {
        case: "sort",
        value: { input: projected, order: [sortOrder(col("a"), true), sortOrder(col("b"))], isGlobal: true },
      },
    };
    expectSame(
      "SELECT * FROM t ORDER BY a DESC, b LIMIT 3 OFFSET 2",
      rel({
        relType: {
          case: "limit",
          value: { input: { relType: { case: "offset", value: { input: sorted, offset: 2 } } }, limit: 3 },
        },
      }),
    );
  });

  it("matches .distinct() for SELECT DISTINCT", () => {
    expectSame(
      "SELECT DISTINCT a FROM t",
      rel({
        relType: {
          case: "deduplicate",
          value: {
            input: { relType: { case: "project", value: { input: table("t"), expressions: [col("a")] } } },
            allColumnsAsKeys: true,
          },
        },
      }),
    );
  });

  it("reads the FROM-first form and TABLE t", () => {
    expect(relationJson(queryOf("FROM t SELECT a"))).toEqual(relationJson(queryOf("SELECT a FROM t")));
    expectSame("TABLE t", rel(table("t")));
  });

  it("selects from one empty row when there is no FROM", () => {
    expectSame("SELECT 1", rel({ relType: { case: "project", value: { expressions: [int(1)] } } }));
  });

  it("keeps multi-part table names and backticked parts", () => {
    expectSame(
      "SELECT a FROM db.`my.tbl`",
      rel({ relType: { case: "project", value: { input: table("db.`my.tbl`"), expressions: [col("a")] } } }),
    );
  });

  it("reads SORT BY as a partition-local sort and CLUSTER BY as repartition plus local sort", () => {
    const sortBy = queryOf("SELECT a FROM t SORT BY a").relType;
    expect(sortBy.case === "sort" && sortBy.value.isGlobal).toBe(false);
    const clusterBy = queryOf("SELECT a FROM t CLUSTER BY a");
    expect(clusterBy.relType.case).toBe("sort");
    expect(clusterBy.relType.case === "sort" && clusterBy.relType.value.input?.relType.case).toBe(
      "repartitionByExpression",
    );
  });

  it("rejects LIMIT values that are not constant non-negative integers", () => {
    expect(parseError(() => queryOf("SELECT a FROM t LIMIT -1")).errorClass).toBe(
      "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
    );
    expect(parseError(() => queryOf("SELECT a FROM t LIMIT a")).errorClass).toBe(
      "INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE",
    );
  });
});

describe("GROUP BY", () => {
  it("matches df.groupBy('a').agg(F.sum('b')) when the select list starts with the grouping columns", () => {
    expectSame(
      "SELECT a, sum(b) FROM t GROUP BY a",
      rel({
        relType: {
          case: "aggregate",
          value: {
            input: table("t"),
            groupType: 1,
            groupingExpressions: [col("a")],
            aggregateExpressions: [fn("sum", col("b"))],
          },
        },
      }),
    );
  });

  it("matches df.rollup / df.cube", () => {
    const rollup = queryOf("SELECT a, b, count(*) FROM t GROUP BY ROLLUP(a, b)").relType;
    expect(rollup.case === "aggregate" && rollup.value.groupType).toBe(2);
    const withRollup = queryOf("SELECT a, count(*) FROM t GROUP BY a WITH ROLLUP").relType;
    expect(withRollup.case === "aggregate" && withRollup.value.groupType).toBe(2);
    const cube = queryOf("SELECT a, b, count(*) FROM t GROUP BY CUBE(a, b)").relType;
    expect(cube.case === "aggregate" && cube.value.groupType).toBe(3);
  });

  it("matches df.groupingSets([[a, b], [a], []], a, b)", () => {
    expectSame(
      "SELECT a, b, count(*) FROM t GROUP BY GROUPING SETS ((a, b), (a), ())",
      rel({
        relType: {
          case: "aggregate",
          value: {
            input: table("t"),
            groupType: 5,
            groupingExpressions: [col("a"), col("b")],
            aggregateExpressions: [fn("count", int(1))],
            groupingSets: [{ groupingSet: [col("a"), col("b")] }, { groupingSet: [col("a")] }, { groupingSet: [] }],
          },
        },
      }),
    );
  });

  it("expands a mix of plain columns and ROLLUP into grouping sets", () => {
    const plan = queryOf("SELECT a, b, c, count(*) FROM t GROUP BY a, ROLLUP(b, c)").relType;
    expect(plan.case).toBe("aggregate");
    if (plan.case !== "aggregate") return;
    expect(plan.value.groupType).toBe(5);
    expect(plan.value.groupingSets.map((set) => set.groupingSet.length)).toEqual([3, 2, 1]);
  });

  it("hides grouping columns the select list does not start with, then drops them", () => {
    expectSame(
      "SELECT sum(b) FROM t GROUP BY a",
      rel({
        relType: {
          case: "drop",
          value: {
            input: {
              relType: {
                case: "aggregate",
                value: {
                  input: table("t"),
                  groupType: 1,
                  groupingExpressions: [alias(col("a"), "__sparkts_grouping_0")],
                  aggregateExpressions: [fn("sum", col("b"))],
                },
              },
            },
            columnNames: ["__sparkts_grouping_0"],
          },
        },
      }),
    );
  });

  it("puts HAVING over the Aggregate and ORDER BY under the Drop, where grouping columns are visible", () => {
    const plan = queryOf("SELECT sum(b) AS s FROM t GROUP BY a HAVING count(*) > 1 ORDER BY a");
    expect(plan.relType.case).toBe("drop");
    const sorted = plan.relType.case === "drop" ? plan.relType.value.input : undefined;
    expect(sorted?.relType.case).toBe("sort");
    const filtered = sorted?.relType.case === "sort" ? sorted.relType.value.input : undefined;
    expect(filtered?.relType.case).toBe("filter");
  });

  it("resolves ordinals, ALL and select-list aliases from the select list", () => {
    const grouping = (sql: string) => {
      const plan = queryOf(sql).relType;
      return plan.case === "aggregate" ? plan.value.groupingExpressions.map((e) => create(ExpressionSchema, e)) : [];
    };
    const mod = create(ExpressionSchema, alias(fn("%", col("a"), int(2)), "k"));
    expect(grouping("SELECT a % 2 AS k, count(*) FROM t GROUP BY 1")).toEqual([mod]);
    expect(grouping("SELECT a % 2 AS k, count(*) FROM t GROUP BY ALL")).toEqual([mod]);
    expect(grouping("SELECT a % 2 AS k, count(*) FROM t GROUP BY k")).toEqual([mod]);
  });

  it("groups GROUPING SETS by the plain columns and renames them to their aliases afterwards", () => {
    const plan = queryOf("SELECT a AS x, count(*) FROM t GROUP BY GROUPING SETS ((a), ())").relType;
    expect(plan.case).toBe("withColumnsRenamed");
    if (plan.case !== "withColumnsRenamed") return;
    expect(plan.value.renames.map((r) => [r.colName, r.newColName])).toEqual([["a", "x"]]);
    const aggregate = plan.value.input?.relType;
    expect(aggregate?.case === "aggregate" && aggregate.value.groupingExpressions.map((e) => e.exprType.case)).toEqual([
      "unresolvedAttribute",
    ]);
    expect(
      parseError(() => queryOf("SELECT a % 2 AS x, count(*) FROM t GROUP BY GROUPING SETS ((a % 2))")).errorClass,
    ).toBe("UNSUPPORTED_FEATURE.SQL_SYNTAX");
  });

  it("refuses ROLLUP when the select list does not start with the grouping expressions", () => {
    expect(parseError(() => queryOf("SELECT count(*), a FROM t GROUP BY ROLLUP(a)")).errorClass).toBe(
      "UNSUPPORTED_FEATURE.SQL_SYNTAX",
    );
  });
});

describe("FROM: joins, aliases, derived tables, table functions, VALUES", () => {
  it("matches t.alias('x').join(u.alias('y'), col('x.a') == col('y.a'), 'left')", () => {
    expectSame(
      "SELECT * FROM t AS x LEFT JOIN u y ON x.a = y.a",
      rel({
        relType: {
          case: "project",
          value: {
            input: {
              relType: {
                case: "join",
                value: {
                  left: { relType: { case: "subqueryAlias", value: { input: table("t"), alias: "x" } } },
                  right: { relType: { case: "subqueryAlias", value: { input: table("u"), alias: "y" } } },
                  joinCondition: fn("==", col("x.a"), col("y.a")),
                  joinType: 3,
                },
              },
            },
            expressions: [{ exprType: { case: "unresolvedStar", value: {} } }],
          },
        },
      }),
    );
  });

  it("reads every join type", () => {
    const types = [
      ["JOIN", 1],
      ["INNER JOIN", 1],
      ["CROSS JOIN", 7],
      ["LEFT OUTER JOIN", 3],
      ["RIGHT JOIN", 4],
      ["FULL OUTER JOIN", 2],
      ["LEFT SEMI JOIN", 6],
      ["ANTI JOIN", 5],
    ] as const;
    for (const [words, joinType] of types) {
      const plan = queryOf(`SELECT * FROM t ${words} u ON t.a = u.a`).relType;
      const join = plan.case === "project" ? plan.value.input?.relType : undefined;
      expect(join?.case === "join" && join.value.joinType, words).toBe(joinType);
    }
  });

  it("reads USING columns and comma joins", () => {
    const using = queryOf("SELECT * FROM t JOIN u USING (a, b)").relType;
    const join = using.case === "project" ? using.value.input?.relType : undefined;
    expect(join?.case === "join" && join.value.usingColumns).toEqual(["a", "b"]);
    const comma = queryOf("SELECT * FROM t, u").relType;
    const inner = comma.case === "project" ? comma.value.input?.relType : undefined;
    expect(inner?.case === "join" && [inner.value.joinType, inner.value.joinCondition]).toEqual([1, undefined]);
  });

  it("renames derived-table columns with ToDF under the alias", () => {
    const plan = queryOf("SELECT * FROM (SELECT 1, 2) AS v(x, y)").relType;
    const aliased = plan.case === "project" ? plan.value.input?.relType : undefined;
    expect(aliased?.case).toBe("subqueryAlias");
    const renamed = aliased?.case === "subqueryAlias" ? aliased.value.input?.relType : undefined;
    expect(renamed?.case === "toDf" && renamed.value.columnNames).toEqual(["x", "y"]);
  });

  it("matches spark.tvf.range(0, 10, 2)", () => {
    expectSame(
      "SELECT * FROM range(0, 10, 2)",
      rel({
        relType: {
          case: "project",
          value: {
            input: {
              relType: {
                case: "unresolvedTableValuedFunction",
                value: { functionName: "range", arguments: [int(0), int(10), int(2)] },
              },
            },
            expressions: [{ exprType: { case: "unresolvedStar", value: {} } }],
          },
        },
      }),
    );
  });

  it("builds VALUES as a UNION ALL of one-row projections named col1..colN", () => {
    const row = (a: number, b: number): RelationInit => ({
      relType: { case: "project", value: { expressions: [alias(int(a), "col1"), alias(int(b), "col2")] } },
    });
    expectSame(
      "VALUES (1, 2), (3, 4)",
      rel({
        relType: {
          case: "setOp",
          value: {
            leftInput: row(1, 2),
            rightInput: row(3, 4),
            setOpType: 2,
            isAll: true,
            byName: false,
            allowMissingColumns: false,
          },
        },
      }),
    );
    expect(parseError(() => queryOf("VALUES (1, 2), (3)")).errorClass).toBe(
      "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH",
    );
  });

  it("refuses what Connect protos cannot express", () => {
    for (const sql of [
      "SELECT * FROM t NATURAL JOIN u",
      "SELECT * FROM t PIVOT (sum(a) FOR (b, c) IN ((1, 2)))",
      "SELECT * FROM t UNPIVOT ((v, w) FOR n IN ((a, b) AS x))",
      "SELECT * FROM t TABLESAMPLE (10 PERCENT)",
    ]) {
      expect(parseError(() => queryOf(sql)).errorClass, sql).toBe("UNSUPPORTED_FEATURE.SQL_SYNTAX");
    }
  });
});

describe("lateral joins", () => {
  const from = (sql: string): Relation | undefined => {
    const plan = queryOf(sql).relType;
    return plan.case === "project" ? plan.value.input : undefined;
  };

  it("reads `, LATERAL (subquery) alias` as an inner lateral join", () => {
    const join = from("SELECT * FROM t, LATERAL (SELECT u.c FROM u WHERE u.a = t.a) s")?.relType;
    expect(join?.case).toBe("lateralJoin");
    if (join?.case !== "lateralJoin") return;
    expect(join.value.joinType).toBe(1);
    expect(join.value.right?.relType.case).toBe("subqueryAlias");
  });

  it("reads LEFT JOIN LATERAL ... ON", () => {
    const join = from("SELECT * FROM t LEFT JOIN LATERAL (SELECT 1 AS c) s ON s.c = t.a")?.relType;
    expect(join?.case === "lateralJoin" && [join.value.joinType, join.value.joinCondition !== undefined]).toEqual([
      3,
      true,
    ]);
  });

  it("reads LATERAL VIEW as a lateral join on the generator, naming its columns", () => {
    expectSame(
      "SELECT * FROM t LATERAL VIEW posexplode(xs) x AS p, v",
      rel({
        relType: {
          case: "project",
          value: {
            input: {
              relType: {
                case: "lateralJoin",
                value: {
                  left: table("t"),
                  right: {
                    relType: {
                      case: "subqueryAlias",
                      value: {
                        input: {
                          relType: {
                            case: "toDf",
                            value: {
                              input: {
                                relType: {
                                  case: "unresolvedTableValuedFunction",
                                  value: { functionName: "posexplode", arguments: [col("xs")] },
                                },
                              },
                              columnNames: ["p", "v"],
                            },
                          },
                        },
                        alias: "x",
                      },
                    },
                  },
                  joinType: 1,
                },
              },
            },
            expressions: [{ exprType: { case: "unresolvedStar", value: {} } }],
          },
        },
      }),
    );
  });

  it("keeps empty generator rows for LATERAL VIEW OUTER via the _outer generator", () => {
    const join = from("SELECT * FROM t LATERAL VIEW OUTER explode(xs) x AS v")?.relType;
    const right = join?.case === "lateralJoin" ? join.value.right?.relType : undefined;
    const renamed = right?.case === "subqueryAlias" ? right.value.input?.relType : undefined;
    const generator = renamed?.case === "toDf" ? renamed.value.input?.relType : undefined;
    expect(generator?.case === "unresolvedTableValuedFunction" && generator.value.functionName).toBe("explode_outer");
    const stack = from("SELECT * FROM t LATERAL VIEW OUTER stack(1, a) x AS v")?.relType;
    expect(stack?.case === "lateralJoin" && stack.value.joinType).toBe(3);
  });
});

describe("set operations", () => {
  const setOp = (left: RelationInit, right: RelationInit, setOpType: number, isAll: boolean): RelationInit => ({
    relType: {
      case: "setOp",
      value: { leftInput: left, rightInput: right, setOpType, isAll, byName: false, allowMissingColumns: false },
    },
  });
  const selectA = (name: string): RelationInit => ({
    relType: { case: "project", value: { input: table(name), expressions: [col("a")] } },
  });

  it("matches df.union(other) for UNION ALL and marks UNION as distinct", () => {
    expectSame("SELECT a FROM t UNION ALL SELECT a FROM u", rel(setOp(selectA("t"), selectA("u"), 2, true)));
    expectSame("SELECT a FROM t UNION SELECT a FROM u", rel(setOp(selectA("t"), selectA("u"), 2, false)));
    expectSame("SELECT a FROM t EXCEPT ALL SELECT a FROM u", rel(setOp(selectA("t"), selectA("u"), 3, true)));
    expectSame("SELECT a FROM t MINUS SELECT a FROM u", rel(setOp(selectA("t"), selectA("u"), 3, false)));
  });

  it("binds INTERSECT tighter than UNION", () => {
    expectSame(
      "SELECT a FROM t UNION SELECT a FROM u INTERSECT SELECT a FROM v",
      rel(setOp(selectA("t"), setOp(selectA("u"), selectA("v"), 1, false), 2, false)),
    );
  });
});

describe("subqueries, CTEs and hints", () => {
  it("wraps the operator in WithRelations and refers to the subquery by plan id, as PySpark 4.1 does", () => {
    const subquery: RelationInit = {
      common: { planId: 0n },
      relType: { case: "project", value: { input: table("u"), expressions: [fn("max", col("c"))] } },
    };
    const scalar: ExpressionInit = { exprType: { case: "subqueryExpression", value: { planId: 0n, subqueryType: 1 } } };
    expectSame(
      "SELECT a FROM t WHERE a > (SELECT max(c) FROM u)",
      rel({
        relType: {
          case: "project",
          value: {
            input: {
              relType: {
                case: "withRelations",
                value: {
                  root: {
                    relType: { case: "filter", value: { input: table("t"), condition: fn(">", col("a"), scalar) } },
                  },
                  references: [subquery],
                },
              },
            },
            expressions: [col("a")],
          },
        },
      }),
    );
  });

  it("builds EXISTS and IN subqueries, including tuple IN", () => {
    const where = (sql: string): Expression | undefined => {
      const plan = queryOf(sql).relType;
      const input = plan.case === "project" ? plan.value.input?.relType : undefined;
      const filter = input?.case === "withRelations" ? input.value.root?.relType : undefined;
      return filter?.case === "filter" ? filter.value.condition : undefined;
    };
    const exists = where("SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.a = t.a)");
    expect(exists?.exprType.case === "unresolvedFunction" && exists.exprType.value.arguments[0]?.exprType.case).toBe(
      "subqueryExpression",
    );
    const inTuple = where("SELECT a FROM t WHERE (a, b) IN (SELECT a, c FROM u)");
    expect(inTuple?.exprType.case === "subqueryExpression" && inTuple.exprType.value.inSubqueryValues.length).toBe(2);
  });

  it("numbers nested subqueries from firstPlanId", () => {
    const plan = queryOf("SELECT (SELECT max(c) FROM u WHERE c > (SELECT 1)) FROM t", { firstPlanId: 100n });
    const json = JSON.stringify(relationJson(plan));
    expect(json).toContain('"planId":"100"');
    expect(json).toContain('"planId":"101"');
  });

  it("inlines CTEs under a SubqueryAlias of their name, honouring column lists", () => {
    const plan = relationJson(queryOf("WITH x (p) AS (SELECT a FROM t) SELECT p FROM x"));
    expect(plan).toEqual(
      relationJson(
        rel({
          relType: {
            case: "project",
            value: {
              input: {
                relType: {
                  case: "subqueryAlias",
                  value: {
                    input: {
                      relType: {
                        case: "toDf",
                        value: {
                          input: {
                            relType: { case: "project", value: { input: table("t"), expressions: [col("a")] } },
                          },
                          columnNames: ["p"],
                        },
                      },
                    },
                    alias: "x",
                  },
                },
              },
              expressions: [col("p")],
            },
          },
        }),
      ),
    );
  });

  it("lets an inner CTE shadow an outer one", () => {
    const json = JSON.stringify(
      relationJson(queryOf("WITH x AS (SELECT 1) SELECT * FROM (WITH x AS (SELECT a FROM t) SELECT * FROM x)")),
    );
    expect(json).toContain('"unparsedIdentifier":"t"');
  });

  it("matches df.hint(...) with the first hint outermost", () => {
    const plan = queryOf("SELECT /*+ REPARTITION(3), BROADCAST(u) */ * FROM t");
    expect(plan.relType.case === "hint" && plan.relType.value.name).toBe("REPARTITION");
    const inner = plan.relType.case === "hint" ? plan.relType.value.input?.relType : undefined;
    expect(inner?.case === "hint" && [inner.value.name, inner.value.parameters.length]).toEqual(["BROADCAST", 1]);
  });

  it("substitutes named windows from the WINDOW clause", () => {
    const plan = queryOf("SELECT sum(a) OVER w FROM t WINDOW w AS (PARTITION BY b)").relType;
    const expr = plan.case === "project" ? plan.value.expressions[0]?.exprType : undefined;
    expect(expr?.case === "window" && expr.value.partitionSpec.length).toBe(1);
    expect(parseError(() => queryOf("SELECT sum(a) OVER w FROM t")).errorClass).toBe("MISSING_WINDOW_SPECIFICATION");
  });
});

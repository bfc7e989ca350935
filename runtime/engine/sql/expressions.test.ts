import { describe, expect, it } from "vitest";
import { intLiteral, stringLiteral } from "./expression-builders.js";
import { parseExpression } from "./index.js";
import { parseError, selectedJson } from "./sql-test-helpers.js";

// Proto JSON of what PySpark's Column API builds: col("a"), lit(1), and F.<name>(...) / operators.
const col = (name: string) => ({ unresolvedAttribute: { unparsedIdentifier: name } });
const int = (value: number) => ({ literal: { integer: value } });
const str = (value: string) => ({ literal: { string: value } });
const call = (name: string, ...args: unknown[]) => ({
  unresolvedFunction: { functionName: name, ...(args.length === 0 ? {} : { arguments: args }) },
});
const lambdaVar = (name: string) => ({ unresolvedNamedLambdaVariable: { nameParts: [name] } });

describe("operators map to the functions PySpark's Column operators call", () => {
  it.each([
    ["a = 1", call("==", col("a"), int(1))],
    ["a == 1", call("==", col("a"), int(1))],
    ["a <> 1", call("not", call("==", col("a"), int(1)))],
    ["a != 1", call("not", call("==", col("a"), int(1)))],
    ["a <=> 1", call("<=>", col("a"), int(1))],
    ["a < 1", call("<", col("a"), int(1))],
    ["a >= 1", call(">=", col("a"), int(1))],
    ["a + b - c", call("-", call("+", col("a"), col("b")), col("c"))],
    ["a * b / c % d", call("%", call("/", call("*", col("a"), col("b")), col("c")), col("d"))],
    ["a DIV b", call("div", col("a"), col("b"))],
    ["a || b", call("concat", col("a"), col("b"))],
    ["a & b | c ^ d", call("|", call("&", col("a"), col("b")), call("^", col("c"), col("d")))],
    ["a << 2", call("<<", col("a"), int(2))],
    ["-a", call("negative", col("a"))],
    ["+a", call("positive", col("a"))],
    ["~a", call("~", col("a"))],
    ["NOT a", call("not", col("a"))],
    ["!a", call("not", col("a"))],
    ["a AND b OR c", call("or", call("and", col("a"), col("b")), col("c"))],
    ["a OR b AND c", call("or", col("a"), call("and", col("b"), col("c")))],
    ["NOT a = b AND c", call("and", call("not", call("==", col("a"), col("b"))), col("c"))],
    ["a | b = c", call("==", call("|", col("a"), col("b")), col("c"))],
    ["a + 1 * 2", call("+", col("a"), call("*", int(1), int(2)))],
    ["(a + 1) * 2", call("*", call("+", col("a"), int(1)), int(2))],
    ["5 - -3", call("-", int(5), int(-3))],
    ["s COLLATE UTF8_LCASE = 'a'", call("==", call("collate", col("s"), str("UTF8_LCASE")), str("a"))],
  ])("%s", (text, expected) => {
    expect(selectedJson(text)).toEqual(expected);
  });
});

describe("predicates", () => {
  it.each([
    ["a IS NULL", call("isNull", col("a"))],
    ["a IS NOT NULL", call("isNotNull", col("a"))],
    ["a IS TRUE", call("<=>", col("a"), { literal: { boolean: true } })],
    ["a IS NOT FALSE", call("not", call("<=>", col("a"), { literal: { boolean: false } }))],
    ["a IS DISTINCT FROM b", call("not", call("<=>", col("a"), col("b")))],
    ["a IS NOT DISTINCT FROM b", call("<=>", col("a"), col("b"))],
    ["a IN (1, 2)", call("in", col("a"), int(1), int(2))],
    ["a NOT IN (1)", call("not", call("in", col("a"), int(1)))],
    ["a BETWEEN 1 AND 2", call("between", col("a"), int(1), int(2))],
    ["a NOT BETWEEN 1 AND 2 AND b", call("and", call("not", call("between", col("a"), int(1), int(2))), col("b"))],
    ["a LIKE 'x%'", call("like", col("a"), str("x%"))],
    ["a NOT ILIKE 'x'", call("not", call("ilike", col("a"), str("x")))],
    ["a LIKE 'x!%' ESCAPE '!'", call("like", col("a"), str("x!%"), str("!"))],
    ["a RLIKE '^x'", call("rlike", col("a"), str("^x"))],
    ["a REGEXP '^x'", call("rlike", col("a"), str("^x"))],
    ["a LIKE ANY ('x', 'y')", call("or", call("like", col("a"), str("x")), call("like", col("a"), str("y")))],
    [
      "a NOT LIKE ALL ('x', 'y')",
      call("and", call("not", call("like", col("a"), str("x"))), call("not", call("like", col("a"), str("y")))),
    ],
    ["a + 1 > 2 IS NULL", call("isNull", call(">", call("+", col("a"), int(1)), int(2)))],
  ])("%s", (text, expected) => {
    expect(selectedJson(text)).toEqual(expected);
  });

  it("requires a single-character ESCAPE", () => {
    expect(parseError(() => parseExpression("a LIKE 'x' ESCAPE 'ab'")).errorClass).toBe("INVALID_ESC");
  });
});

describe("names, fields, stars", () => {
  it.each([
    ["a.b.c", col("a.b.c")],
    ["`a.b`.c", col("`a.b`.c")],
    ["`weird name`", col("weird name")],
    ["`a``b`", col("`a``b`")],
    ["*", { unresolvedStar: {} }],
    ["t.*", { unresolvedStar: { unparsedTarget: "t.*" } }],
    ["a[0]", { unresolvedExtractValue: { child: col("a"), extraction: int(0) } }],
    [
      "a['k'].f",
      {
        unresolvedExtractValue: {
          child: { unresolvedExtractValue: { child: col("a"), extraction: str("k") } },
          extraction: str("f"),
        },
      },
    ],
    ["select", col("select")],
    ["current_date", call("current_date")],
    ["current_date()", call("current_date")],
  ])("%s", (text, expected) => {
    expect(selectedJson(text)).toEqual(expected);
  });

  it("does not accept strict keywords as bare names", () => {
    expect(parseError(() => parseExpression("join + 1")).errorClass).toBe("PARSE_SYNTAX_ERROR");
    expect(selectedJson("`join` + 1")).toEqual(call("+", col("join"), int(1)));
  });
});

describe("function calls", () => {
  it.each([
    ["SUM(a)", call("sum", col("a"))],
    ["count(*)", call("count", int(1))],
    [
      "count(DISTINCT a, b)",
      { unresolvedFunction: { functionName: "count", arguments: [col("a"), col("b")], isDistinct: true } },
    ],
    ["db.my_fn(a)", call("db.my_fn", col("a"))],
    ["left(a, 2)", call("left", col("a"), int(2))],
    ["first(a) IGNORE NULLS", call("first", col("a"), { literal: { boolean: true } })],
    ["last(a IGNORE NULLS)", call("last", col("a"), { literal: { boolean: true } })],
    [
      "lag(a) IGNORE NULLS",
      call("lag", col("a"), int(1), { literal: { null: { null: {} } } }, { literal: { boolean: true } }),
    ],
    ["sum(a) FILTER (WHERE b > 0)", call("sum", call("when", call(">", col("b"), int(0)), col("a")))],
    ["count(*) FILTER (WHERE b)", call("count", call("when", col("b"), int(1)))],
    [
      "f(x => 1, y => a)",
      call(
        "f",
        { namedArgumentExpression: { key: "x", value: int(1) } },
        { namedArgumentExpression: { key: "y", value: col("a") } },
      ),
    ],
    ["timestampadd(HOUR, 1, t)", call("timestampadd", str("HOUR"), int(1), col("t"))],
    ["datediff(DAY, a, b)", call("timestampdiff", str("DAY"), col("a"), col("b"))],
    ["datediff(a, b)", call("datediff", col("a"), col("b"))],
    ["extract(YEAR FROM d)", call("extract", str("YEAR"), col("d"))],
    ["substring(s FROM 2 FOR 3)", call("substring", col("s"), int(2), int(3))],
    ["substring(s, 2)", call("substring", col("s"), int(2))],
    ["position('a' IN s)", call("locate", str("a"), col("s"))],
    ["trim(BOTH 'x' FROM s)", call("trim", str("x"), col("s"))],
    ["trim(LEADING FROM s)", call("ltrim", col("s"))],
    ["trim(s)", call("trim", col("s"))],
    [
      "struct(a AS x, 1 AS y)",
      call("struct", { alias: { expr: col("a"), name: ["x"] } }, { alias: { expr: int(1), name: ["y"] } }),
    ],
  ])("%s", (text, expected) => {
    expect(selectedJson(text)).toEqual(expected);
  });

  it("rejects FILTER on aggregates where the CASE rewrite would change the answer", () => {
    const error = parseError(() => parseExpression("first(a) FILTER (WHERE b)"));
    expect(error.errorClass).toBe("UNSUPPORTED_FEATURE.SQL_SYNTAX");
  });

  it("rejects IGNORE NULLS on functions that have no such flag", () => {
    expect(parseError(() => parseExpression("sum(a) IGNORE NULLS")).errorClass).toBe("UNSUPPORTED_FEATURE.SQL_SYNTAX");
  });
});

describe("CASE, CAST and typed forms", () => {
  it("builds CASE as PySpark's when/otherwise chain does", () => {
    expect(selectedJson("CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END")).toEqual(
      call("when", call(">", col("a"), int(1)), str("x"), call(">", col("a"), int(0)), str("y"), str("z")),
    );
    expect(selectedJson("CASE a WHEN 1 THEN 'x' END")).toEqual(call("when", call("==", col("a"), int(1)), str("x")));
  });

  it("builds casts with a proto data type", () => {
    const castOf = (expr: unknown, type: unknown, evalMode?: string) => ({
      cast: { expr, type, ...(evalMode === undefined ? {} : { evalMode }) },
    });
    expect(selectedJson("CAST(a AS INT)")).toEqual(castOf(col("a"), { integer: {} }));
    expect(selectedJson("a::decimal(10, 2)")).toEqual(castOf(col("a"), { decimal: { precision: 10, scale: 2 } }));
    expect(selectedJson("TRY_CAST(a AS bigint)")).toEqual(castOf(col("a"), { long: {} }, "EVAL_MODE_TRY"));
    expect(selectedJson("-a::int")).toEqual(call("negative", castOf(col("a"), { integer: {} })));
  });

  it("builds row constructors as struct()", () => {
    expect(selectedJson("(a, 1)")).toEqual(call("struct", col("a"), int(1)));
  });
});

describe("lambdas", () => {
  it("binds lambda parameters as named lambda variables", () => {
    expect(selectedJson("transform(xs, x -> x + 1)")).toEqual(
      call("transform", col("xs"), {
        lambdaFunction: { function: call("+", lambdaVar("x"), int(1)), arguments: [{ nameParts: ["x"] }] },
      }),
    );
    expect(selectedJson("aggregate(xs, 0, (acc, x) -> acc + x + y)")).toEqual(
      call("aggregate", col("xs"), int(0), {
        lambdaFunction: {
          function: call("+", call("+", lambdaVar("acc"), lambdaVar("x")), col("y")),
          arguments: [{ nameParts: ["acc"] }, { nameParts: ["x"] }],
        },
      }),
    );
  });

  it("reads a field of a lambda variable as an extraction", () => {
    expect(selectedJson("filter(xs, x -> x.ok)")).toMatchObject({
      unresolvedFunction: {
        arguments: [
          col("xs"),
          {
            lambdaFunction: { function: { unresolvedExtractValue: { child: lambdaVar("x"), extraction: str("ok") } } },
          },
        ],
      },
    });
  });
});

describe("window functions", () => {
  const ascNullsFirst = { direction: "SORT_DIRECTION_ASCENDING", nullOrdering: "SORT_NULLS_FIRST" };

  it("builds PARTITION BY / ORDER BY / ROWS BETWEEN, a PRECEDING offset as negative(n) (Spark names it so)", () => {
    expect(
      selectedJson("sum(a) OVER (PARTITION BY g ORDER BY t DESC ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING)"),
    ).toEqual({
      window: {
        windowFunction: call("sum", col("a")),
        partitionSpec: [col("g")],
        orderSpec: [{ child: col("t"), direction: "SORT_DIRECTION_DESCENDING", nullOrdering: "SORT_NULLS_LAST" }],
        frameSpec: {
          frameType: "FRAME_TYPE_ROW",
          lower: { value: call("negative", int(2)) },
          upper: { value: int(1) },
        },
      },
    });
  });

  it("reads RANGE frames with UNBOUNDED and CURRENT ROW", () => {
    expect(selectedJson("rank() OVER (ORDER BY t RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)")).toEqual({
      window: {
        windowFunction: call("rank"),
        orderSpec: [{ child: col("t"), ...ascNullsFirst }],
        frameSpec: { frameType: "FRAME_TYPE_RANGE", lower: { unbounded: true }, upper: { currentRow: true } },
      },
    });
  });

  it("reads the one-bound frame form as BETWEEN bound AND CURRENT ROW", () => {
    expect(selectedJson("count(*) OVER (ROWS 3 PRECEDING)")).toMatchObject({
      window: {
        frameSpec: {
          frameType: "FRAME_TYPE_ROW",
          lower: { value: call("negative", int(3)) },
          upper: { currentRow: true },
        },
      },
    });
  });

  it("refuses a named window outside a query", () => {
    expect(parseError(() => parseExpression("sum(a) OVER w")).errorClass).toBe("PARSE_SYNTAX_ERROR");
  });
});

describe("parameter markers", () => {
  it("substitutes positional and named arguments", () => {
    expect(selectedJson("a + ? + ?", { positionalArguments: [intLiteral(1), intLiteral(2)] })).toEqual(
      call("+", call("+", col("a"), int(1)), int(2)),
    );
    expect(selectedJson("a = :name", { namedArguments: { name: stringLiteral("x") } })).toEqual(
      call("==", col("a"), str("x")),
    );
  });

  it("fails on unbound or mixed markers with Spark's error classes", () => {
    const unbound = parseError(() => parseExpression("a = :missing"));
    expect(unbound.errorClass).toBe("UNBOUND_SQL_PARAMETER");
    expect(unbound.messageParameters).toEqual({ name: "missing" });
    const mixed = parseError(() =>
      parseExpression("? + :n", { positionalArguments: [intLiteral(1)], namedArguments: { n: intLiteral(2) } }),
    );
    expect(mixed.errorClass).toBe("INVALID_QUERY_MIXED_QUERY_PARAMETERS");
  });
});

describe("parseExpression entry point", () => {
  it("accepts an alias as selectExpr does", () => {
    expect(selectedJson("a + 1 AS b")).toEqual({ alias: { expr: call("+", col("a"), int(1)), name: ["b"] } });
    expect(selectedJson("a b")).toEqual({ alias: { expr: col("a"), name: ["b"] } });
    expect(selectedJson("explode(m) AS (k, v)")).toEqual({
      alias: { expr: call("explode", col("m")), name: ["k", "v"] },
    });
  });

  it("refuses subqueries, which need an operator to attach to", () => {
    expect(parseError(() => parseExpression("(SELECT 1)")).errorClass).toBe("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY");
  });

  it("fails on trailing input", () => {
    const error = parseError(() => parseExpression("a + 1 )"));
    expect(error.messageParameters).toEqual({ error: "')'", hint: ": extra input ')'" });
  });
});

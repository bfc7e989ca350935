/** The capture script's pure parts: the TS → Python example translator, its arguments, the fixture placeholder. */
import { describe, expect, it } from "vitest";
import { goldenFileText, requestedCategories, toPython, withFixturePlaceholder } from "../../scripts/golden-capture.js";

describe("toPython", () => {
  it("prefixes builtin calls with F. and leaves Column and DataFrame methods alone", () => {
    expect(toPython('struct(col("st.a").alias("a2"), "b")')).toBe('F.struct(F.col("st.a").alias("a2"), "b")');
    expect(toPython('sparkSession.range(3).cube("id").agg(grouping("id"))')).toBe(
      'spark.range(3).cube("id").agg(F.grouping("id"))',
    );
  });

  it("keeps Window specs as Python's Window class", () => {
    expect(toPython('lag("i", 1, 0).over(Window.partitionBy("b").orderBy("id"))')).toBe(
      'F.lag("i", 1, 0).over(Window.partitionBy("b").orderBy("id"))',
    );
  });

  it("never rewrites inside string literals", () => {
    expect(toPython('expr("i * 2 + length(s)")')).toBe('F.expr("i * 2 + length(s)")');
    expect(toPython("lit('null: true')")).toBe("F.lit('null: true')");
    expect(toPython('lit("say \\"upper(x)\\"")')).toBe('F.lit("say \\"upper(x)\\"")');
  });

  it("translates literals, lambdas, option objects, keyword objects and byte arrays", () => {
    expect(toPython("lit(null)")).toBe("F.lit(None)");
    expect(toPython('first("s", true)')).toBe('F.first("s", True)');
    expect(toPython('transform("arr", (x) => x)')).toBe('F.transform("arr", lambda x: x)');
    expect(toPython('from_csv("s", "a INT", { sep: ";" })')).toBe('F.from_csv("s", "a INT", { "sep": ";" })');
    expect(toPython('make_timestamp({ date: "dt", time: "tm" })')).toBe('F.make_timestamp( date="dt", time="tm" )');
    expect(toPython("lit(new Uint8Array([1, 2]))")).toBe("F.lit(bytearray([1, 2]))");
  });
});

describe("requestedCategories", () => {
  it("reads repeated --category options and rejects anything else", () => {
    expect(requestedCategories([])).toEqual([]);
    expect(requestedCategories(["--category", "sort", "--category", "window"])).toEqual(["sort", "window"]);
    expect(() => requestedCategories(["--category"])).toThrow(/needs a category name/);
    expect(() => requestedCategories(["sort"])).toThrow(/unknown argument sort/);
  });
});

describe("withFixturePlaceholder", () => {
  it("replaces exactly the fixture's text, wherever it is nested", () => {
    const plan = { root: { sql: { query: "SELECT 1" }, other: ["SELECT 1", "SELECT 2"] } };
    expect(withFixturePlaceholder(plan, "SELECT 1", "<fixture>")).toEqual({
      root: { sql: { query: "<fixture>" }, other: ["<fixture>", "SELECT 2"] },
    });
  });
});

describe("goldenFileText", () => {
  it("keeps -0 (a value JSON.stringify would write as 0) and ends with a newline", () => {
    const text = goldenFileText({ rows: [[-0, 0, -1.5, "-0"]] });
    expect(text.endsWith("}\n")).toBe(true);
    const [negative, positive, other, string] = (JSON.parse(text) as { rows: unknown[][] }).rows[0]!;
    expect(Object.is(negative, -0)).toBe(true);
    expect(Object.is(positive, 0)).toBe(true);
    expect([other, string]).toEqual([-1.5, "-0"]);
  });
});

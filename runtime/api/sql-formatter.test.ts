import { describe, expect, it } from "vitest";
import { col, lit } from "./functions.js";
import { formatSql, sqlStringLiteral } from "./sql-formatter.js";

describe("formatSql", () => {
  it("fills placeholders and keeps doubled braces", () => {
    const { query, views } = formatSql("SELECT {c}, {n}, {s}, {b}, '{{x}}'", {
      c: col("a.b"),
      n: 2.5,
      s: "it's",
      b: true,
    });
    expect(query).toBe("SELECT a.b, 2.5, 'it\\'s', true, '{x}'");
    expect(views).toEqual([]);
  });

  it("quotes strings as Spark writes string literals", () => {
    expect(sqlStringLiteral("a\\b'c")).toBe("'a\\\\b\\'c'");
  });

  it("names what is wrong", () => {
    expect(() => formatSql("SELECT {x}", {})).toThrow(/\{x\}, which is not among the keyword arguments/);
    expect(() => formatSql("SELECT {x.y}", { x: 1 })).toThrow(/Unsupported placeholder/);
    expect(() => formatSql("SELECT 1 }", {})).toThrow(/single "}"/);
    expect(() => formatSql("SELECT {c}", { c: lit(1) })).toThrow(/plain column reference/);
  });
});

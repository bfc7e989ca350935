import { describe, expect, it } from "vitest";
import { ParseException } from "../../errors/index.js";
import { tokenize } from "./lexer.js";

const kinds = (sql: string) => tokenize(sql).map((t) => [t.kind, t.text]);

describe("tokenize", () => {
  it("reads words, numbers, operators and ends with eof", () => {
    expect(kinds("SELECT a1, 10L FROM t")).toEqual([
      ["word", "SELECT"],
      ["word", "a1"],
      ["op", ","],
      ["number", "10L"],
      ["word", "FROM"],
      ["word", "t"],
      ["eof", ""],
    ]);
  });

  it("reads a digit-led run of letters as a word, as Spark's lexer does", () => {
    expect(kinds("1a 1e3 1.5BD .5 1.e2")).toEqual([
      ["word", "1a"],
      ["number", "1e3"],
      ["number", "1.5BD"],
      ["number", ".5"],
      ["number", "1.e2"],
      ["eof", ""],
    ]);
  });

  it("prefers the longest operator", () => {
    expect(kinds("a<=>b<>c>>>d::e->f=>g||h").filter(([k]) => k === "op")).toEqual([
      ["op", "<=>"],
      ["op", "<>"],
      ["op", ">>>"],
      ["op", "::"],
      ["op", "->"],
      ["op", "=>"],
      ["op", "||"],
    ]);
  });

  it("skips line comments and nested block comments", () => {
    expect(kinds("a -- x\n/* b /* nested */ c */ d")).toEqual([
      ["word", "a"],
      ["word", "d"],
      ["eof", ""],
    ]);
  });

  it("keeps hint comments as one token", () => {
    expect(kinds("SELECT /*+ BROADCAST(t) */ 1")[1]).toEqual(["hint", " BROADCAST(t) "]);
  });

  it("decodes string escapes like Spark", () => {
    const texts = tokenize(String.raw`'a\tb' 'it''s' "dq" '\u0041\101' '\%\_' '\Z' r'\n'`)
      .filter((t) => t.kind === "string")
      .map((t) => t.text);
    expect(texts).toEqual(["a\tb", "it's", "dq", "AA", "\\%\\_", "\u001A", "\\n"]);
  });

  it("unquotes backtick identifiers with doubled backticks", () => {
    expect(kinds("`a``b`.`c d`")).toEqual([
      ["quotedIdent", "a`b"],
      ["op", "."],
      ["quotedIdent", "c d"],
      ["eof", ""],
    ]);
  });

  it("reads parameter markers and binary literals", () => {
    expect(kinds("? :name X'0aF' a::int")).toEqual([
      ["positionalParam", "?"],
      ["namedParam", "name"],
      ["binary", "0aF"],
      ["word", "a"],
      ["op", "::"],
      ["word", "int"],
      ["eof", ""],
    ]);
  });

  it("reports line and 0-based column of each token", () => {
    const tokens = tokenize("SELECT a,\n  b FROM t");
    const b = tokens.find((t) => t.text === "b")!;
    expect([b.line, b.column]).toEqual([2, 2]);
  });

  it("fails on an unterminated string at the opening quote, as Spark does", () => {
    const error = (() => {
      try {
        tokenize("SELECT 'abc");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ParseException);
    expect((error as ParseException).messageParameters).toEqual({ error: "'''", hint: "" });
    expect((error as ParseException).message).toContain("(line 1, pos 7)");
  });
});

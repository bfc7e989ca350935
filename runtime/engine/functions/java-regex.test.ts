import { describe, expect, it } from "vitest";
import { javaRegex } from "./java-regex.js";

describe("Java regular expressions as JavaScript RegExps", () => {
  it("rewrites anchors, quoting and POSIX classes to what Java means", () => {
    expect(javaRegex("\\Aab\\z").test("ab")).toBe(true);
    expect(javaRegex("\\Aab\\z").test("xab")).toBe(false);
    expect(javaRegex("a\\Z").test("a\n")).toBe(true);
    expect(javaRegex("\\Q1+1\\E").test("1+1")).toBe(true);
    expect(javaRegex("\\Q1+1\\E").test("11")).toBe(false);
    expect(javaRegex("^\\p{Alpha}+$").test("abC")).toBe(true);
    expect(javaRegex("^\\p{Alpha}+$").test("ab1")).toBe(false);
    expect(javaRegex("[\\p{Digit}x]").test("x")).toBe(true);
  });

  it("accepts Java's escapes of non-syntax characters and a leading case-insensitive flag", () => {
    expect(javaRegex('\\"\\-\\:').test('"-:')).toBe(true);
    expect(javaRegex("(?i)ÉBC").test("ébc")).toBe(true);
    expect(javaRegex("[]a]").test("]")).toBe(true);
  });

  it("refuses constructs JavaScript cannot express instead of answering differently", () => {
    for (const pattern of ["a*+", "(?>a)", "[a-z&&[^b]]", "[a[b]]", "a(?i)b", "\\p{javaLowerCase}", "\\h"]) {
      expect(() => javaRegex(pattern), pattern).toThrow(/does not support the Java regex construct/);
    }
  });

  it("reports a malformed pattern as Spark's INVALID_PARAMETER_VALUE.PATTERN", () => {
    expect(() => javaRegex("(ab")).toThrow(/INVALID_PARAMETER_VALUE\.PATTERN/);
  });
});

/**
 * Java regular expressions (what Spark's rlike/regexp_* take) as JavaScript RegExps. The common syntax means
 * the same in both; constructs that differ are rewritten (\A, \z, \Z, \Q…\E, POSIX \p{Alpha} classes, leading
 * inline flags) and constructs JavaScript cannot express (possessive quantifiers, atomic groups, class
 * intersections and unions, inline flags mid-pattern) raise a clear UNSUPPORTED error instead of a wrong answer.
 */
import { IllegalArgumentException } from "../../errors/index.js";
import { notSupportedLocally, sparkError } from "../errors.js";

const POSIX_CLASSES: Record<string, string> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\x00-\\x7F",
  Alpha: "a-zA-Z",
  Digit: "0-9",
  Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~",
  Graph: "!-~",
  Print: " -~",
  Blank: " \\t",
  Cntrl: "\\x00-\\x1F\\x7F",
  XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\x0B\\f\\r",
};

const JS_SYNTAX = new Set([..."\\^$.|?*+()[]{}/-"]);

function unsupported(pattern: string, construct: string): Error {
  return notSupportedLocally(`the Java regex construct ${construct} (in ${JSON.stringify(pattern)})`);
}

export function invalidPattern(functionName: string, pattern: string, reason: string): Error {
  return sparkError(
    IllegalArgumentException,
    "INVALID_PARAMETER_VALUE.PATTERN",
    "22023",
    `The value of parameter(s) \`regexp\` in \`${functionName}\` is invalid: ${JSON.stringify(pattern)}: ${reason}`,
    { parameter: "`regexp`", functionName: `\`${functionName}\`` },
  );
}

/** Translates one escape starting at pattern[i] === "\\"; returns the JS text and the index after it. */
function translateEscape(pattern: string, i: number, inClass: boolean): [string, number] {
  const next = pattern[i + 1];
  if (next === undefined) throw invalidPattern("regexp", pattern, "a trailing backslash");
  switch (next) {
    case "A":
      if (inClass) break;
      return ["^", i + 2];
    case "z":
      if (inClass) break;
      return ["$", i + 2];
    case "Z":
      if (inClass) break;
      return ["(?=\\n?$)", i + 2];
    case "Q": {
      const end = pattern.indexOf("\\E", i + 2);
      const literal = pattern.slice(i + 2, end < 0 ? pattern.length : end);
      const escaped = literal.replace(/[\\^$.|?*+()[\]{}/-]/g, "\\$&");
      return [escaped, end < 0 ? pattern.length : end + 2];
    }
    case "p":
    case "P": {
      const close = pattern.indexOf("}", i);
      if (pattern[i + 2] !== "{" || close < 0) break;
      const name = pattern.slice(i + 3, close);
      const posix = POSIX_CLASSES[name.startsWith("Is") ? name.slice(2) : name];
      if (posix !== undefined) {
        if (inClass && next === "P") throw unsupported(pattern, `\\P{${name}} inside a class`);
        const body = inClass ? posix : `[${next === "P" ? "^" : ""}${posix}]`;
        return [body, close + 1];
      }
      if (name.startsWith("java") || name.startsWith("In") || name.startsWith("Is")) {
        throw unsupported(pattern, `\\${next}{${name}}`);
      }
      return [pattern.slice(i, close + 1), close + 1];
    }
    case "h":
    case "H":
    case "R":
    case "X":
    case "G":
    case "e":
    case "a":
      throw unsupported(pattern, `\\${next}`);
    default:
      break;
  }
  if (/[0-9a-zA-Z]/.test(next)) return [`\\${next}`, i + 2];
  // Java lets any non-letter be escaped; JavaScript's unicode mode only syntax characters.
  if (next === "-" && !inClass) return ["-", i + 2];
  if (JS_SYNTAX.has(next)) return [`\\${next}`, i + 2];
  return [next, i + 2];
}

/** The JavaScript equivalent of a Java pattern; `global` for searching all matches. */
export function javaRegex(pattern: string, global = false): RegExp {
  let flags = "u";
  let source = "";
  let i = 0;
  const leading = /^\(\?([imsx]+)\)/.exec(pattern);
  if (leading !== null) {
    const requested = leading[1] as string;
    if (requested.includes("x")) throw unsupported(pattern, "(?x)");
    for (const f of requested) if (!flags.includes(f)) flags += f;
    i = leading[0].length;
  }
  let inClass = false;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "\\") {
      const [text, after] = translateEscape(pattern, i, inClass);
      source += text;
      i = after;
      continue;
    }
    if (inClass) {
      if (ch === "[") throw unsupported(pattern, "a nested character class");
      if (ch === "&" && pattern[i + 1] === "&") throw unsupported(pattern, "a class intersection (&&)");
      if (ch === "]") inClass = false;
      source += ch;
      i++;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      source += ch;
      i++;
      if (pattern[i] === "^") {
        source += "^";
        i++;
      }
      // A leading ] is a literal in Java.
      if (pattern[i] === "]") {
        source += "\\]";
        i++;
      }
      continue;
    }
    if (ch === "(" && pattern[i + 1] === "?") {
      const kind = pattern[i + 2];
      if (kind === ">") throw unsupported(pattern, "an atomic group (?>…)");
      if (kind !== ":" && kind !== "=" && kind !== "!" && kind !== "<") {
        throw unsupported(pattern, "an inline flag group");
      }
    }
    if ((ch === "+" || ch === "?" || ch === "*" || ch === "}") && pattern[i + 1] === "+") {
      throw unsupported(pattern, "a possessive quantifier");
    }
    source += ch;
    i++;
  }
  try {
    return new RegExp(source, global ? `${flags}g` : flags);
  } catch (error) {
    throw invalidPattern("regexp", pattern, (error as Error).message);
  }
}

/** Compiles each distinct pattern once per kernel call. */
export function regexCache(global = false): (pattern: string) => RegExp {
  const cache = new Map<string, RegExp>();
  return (pattern) => {
    let re = cache.get(pattern);
    if (re === undefined) {
      re = javaRegex(pattern, global);
      cache.set(pattern, re);
    }
    re.lastIndex = 0;
    return re;
  };
}

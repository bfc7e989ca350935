/**
 * Spark's number format strings (to_char / to_number): `[MI|S] [$] [0|9|G|,]* [.|D] [0|9]* [PR|MI|S]`, upper-cased
 * before use. Validation raises Spark's INVALID_FORMAT error classes in the order Spark checks them; a valid
 * format compiles to tokens with its digit groups resolved.
 */
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";

export type FormatToken =
  | { readonly kind: "digits"; readonly chars: string; readonly count: number }
  | { readonly kind: "point" }
  | { readonly kind: "dollar" }
  | { readonly kind: "sign"; readonly text: "S" | "MI" }
  | { readonly kind: "brackets" }
  | { readonly kind: "invalid"; readonly char: string };

export interface NumberFormat {
  /** The format as the user wrote it (error messages at run time quote it as is). */
  readonly source: string;
  readonly tokens: readonly FormatToken[];
  readonly digitsBefore: number;
  readonly digitsAfter: number;
  /** The digit characters before the point start with 0: pad with zeros, and to_number wants every digit. */
  readonly zeroPadded: boolean;
}

function invalidFormat(subClass: string, format: string, text: string, extra: Record<string, string> = {}): Error {
  const quoted = `'${format}'`;
  return sparkError(
    AnalysisException,
    `INVALID_FORMAT.${subClass}`,
    "42601",
    `The format is invalid: ${quoted}. ${text}`,
    { format: quoted, ...extra },
  );
}

function tokenize(format: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  let i = 0;
  while (i < format.length) {
    const c = format[i] as string;
    if ("09,G".includes(c)) {
      let chars = "";
      while (i < format.length && "09,G".includes(format[i] as string)) {
        const d = format[i++] as string;
        chars += d === "G" ? "," : d;
      }
      tokens.push({ kind: "digits", chars, count: chars.replaceAll(",", "").length });
      continue;
    }
    if (format.startsWith("MI", i) || format.startsWith("PR", i)) {
      tokens.push(format.startsWith("MI", i) ? { kind: "sign", text: "MI" } : { kind: "brackets" });
      i += 2;
      continue;
    }
    if (c === "." || c === "D") tokens.push({ kind: "point" });
    else if (c === "$") tokens.push({ kind: "dollar" });
    else if (c === "S") tokens.push({ kind: "sign", text: "S" });
    else tokens.push({ kind: "invalid", char: c });
    i++;
  }
  return tokens;
}

const TOKEN_NAMES: Record<FormatToken["kind"], string> = {
  digits: "digit sequence",
  point: "decimal point",
  dollar: "dollar sign",
  sign: "optional sign",
  brackets: "angle brackets",
  invalid: "character",
};

/** Which of the pattern's slots a token may fill: sign, $, digits, point, digits, $, trailing sign. */
function slotsOf(token: FormatToken): number[] {
  switch (token.kind) {
    case "sign":
      return [0, 6];
    case "dollar":
      return [1, 5];
    case "digits":
      return [2, 4];
    case "point":
      return [3];
    case "brackets":
      return [6];
    default:
      return [];
  }
}

export function compileNumberFormat(raw: string): NumberFormat {
  const format = raw.toUpperCase();
  if (format.length === 0) {
    throw invalidFormat("EMPTY", format, "The number format string cannot be empty.");
  }
  const tokens = tokenize(format);
  const count = (test: (t: FormatToken) => boolean) => tokens.filter(test).length;
  if (count((t) => t.kind === "digits") === 0) {
    throw invalidFormat("WRONG_NUM_DIGIT", format, "The format string requires at least one number digit.");
  }
  const limits: [string, (t: FormatToken) => boolean][] = [
    [". or D", (t) => t.kind === "point"],
    ["$", (t) => t.kind === "dollar"],
    ["S", (t) => t.kind === "sign" && t.text === "S"],
    ["MI", (t) => t.kind === "sign" && t.text === "MI"],
    ["PR", (t) => t.kind === "brackets"],
  ];
  for (const [token, test] of limits) {
    if (count(test) > 1) {
      throw invalidFormat("WRONG_NUM_TOKEN", format, `At most one ${token} is allowed in the number format.`, {
        token,
      });
    }
  }
  const pointAt = tokens.findIndex((t) => t.kind === "point");
  const digitGroups = tokens.flatMap((t, i) =>
    t.kind === "digits" ? [{ t, before: pointAt < 0 || i < pointAt }] : [],
  );
  for (const { t, before } of digitGroups) {
    if (!t.chars.includes(",")) continue;
    if (!before) {
      throw invalidFormat(
        "THOUSANDS_SEPS_MUST_BEFORE_DEC",
        format,
        "Thousands separators (, or G) may not appear after the decimal point in the number format.",
      );
    }
    if (t.chars.startsWith(",") || t.chars.endsWith(",") || t.chars.includes(",,")) {
      throw invalidFormat(
        "CONT_THOUSANDS_SEPS",
        format,
        "Thousands separators (, or G) must have digits in between them in the number format.",
      );
    }
  }
  const firstDigits = tokens.findIndex((t) => t.kind === "digits");
  if (tokens.some((t, i) => t.kind === "dollar" && i > firstDigits)) {
    throw invalidFormat(
      "CUR_MUST_BEFORE_DIGIT",
      format,
      "Currency characters must appear before digits in the number format.",
    );
  }
  let slot = -1;
  for (const token of tokens) {
    const next = slotsOf(token).find((s) => s > slot);
    if (next === undefined) {
      const name = token.kind === "invalid" ? `character '${token.char}''` : TOKEN_NAMES[token.kind];
      throw invalidFormat(
        "UNEXPECTED_TOKEN",
        format,
        `Found the unexpected ${name} in the format string; the structure of the format string must match: \`[MI|S]\` \`[$]\` \`[0|9|G|,]*\` \`[.|D]\` \`[0|9]*\` \`[$]\` \`[PR|MI|S]\`.`,
        { token: name },
      );
    }
    slot = next;
  }
  const before = tokens.find((t, i) => t.kind === "digits" && (pointAt < 0 || i < pointAt));
  const after = pointAt < 0 ? undefined : tokens.slice(pointAt).find((t) => t.kind === "digits");
  const digitCount = (t: FormatToken | undefined) => (t?.kind === "digits" ? t.count : 0);
  return {
    source: raw,
    tokens,
    digitsBefore: digitCount(before),
    digitsAfter: digitCount(after),
    zeroPadded: before?.kind === "digits" && before.chars.startsWith("0"),
  };
}

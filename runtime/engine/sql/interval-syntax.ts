/**
 * The token-level syntax of `INTERVAL` literals (the value arithmetic lives in interval-literal.ts): a list of
 * signed numbers or strings with units, a qualified string `'1-2' YEAR TO MONTH`, or one string holding a list.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import {
  type IntervalPart,
  intervalFromParts,
  intervalFromQualified,
  splitIntervalString,
} from "./interval-literal.js";
import { TIME_UNITS } from "./keywords.js";
import type { ParserState } from "./parser-state.js";
import { keywordOf } from "./token.js";

/** Parses from the INTERVAL keyword on. */
export function parseInterval(state: ParserState): Expression {
  const { stream } = state;
  const start = stream.next();
  const context = () => ({
    sql: state.sql,
    at: { ...start, end: stream.previous().end },
    legacyCalendar: state.options.legacyCalendarInterval ?? false,
  });
  const parts: IntervalPart[] = [];
  for (;;) {
    const beforeValue = stream.position;
    const value = readIntervalValue(state);
    if (value === undefined) break;
    const unit = keywordOf(stream.peek());
    if ((unit === undefined || !TIME_UNITS.has(unit)) && parts.length > 0) {
      // `INTERVAL 1 DAY + 1`: the sign and number belong to the enclosing expression.
      stream.reset(beforeValue);
      break;
    }
    if (unit === undefined || !TIME_UNITS.has(unit)) {
      // `INTERVAL '1 day 2 hours'`: the whole list sits inside one string.
      if (value.quoted && parts.length === 0)
        return intervalFromParts(splitIntervalString(value.text, context()), context());
      throw stream.error();
    }
    stream.next();
    if (value.quoted && parts.length === 0 && (stream.isKeyword("TO") || !/^[+-]?[\d.]+$/.test(value.text))) {
      const to = stream.matchKeywords("TO") ? (keywordOf(stream.next()) ?? "") : unit;
      return intervalFromQualified(value.text, unit, to, context());
    }
    parts.push({ value: value.text, unit });
  }
  if (parts.length === 0) throw stream.error();
  return intervalFromParts(parts, context());
}

/** A possibly signed number or string inside an INTERVAL literal; undefined (cursor untouched) otherwise. */
function readIntervalValue(state: ParserState): { text: string; quoted: boolean } | undefined {
  const { stream } = state;
  const saved = stream.position;
  let sign = "";
  if (stream.matchOp("-")) sign = "-";
  else stream.matchOp("+");
  const token = stream.peek();
  if (token.kind === "string") return { text: applySign(sign, stream.stringLiteral()), quoted: true };
  if (token.kind === "number") return { text: applySign(sign, stream.next().text), quoted: false };
  stream.reset(saved);
  return undefined;
}

function applySign(sign: string, value: string): string {
  if (sign !== "-") return value.trim();
  const trimmed = value.trim();
  return trimmed.startsWith("-") ? trimmed.slice(1) : `-${trimmed}`;
}

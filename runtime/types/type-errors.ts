/**
 * Typed errors raised while building, parsing or converting data types. They use Spark's error classes where
 * Spark has one, so a message from the embedded engine reads like the server's.
 */
import { AnalysisException, ParseException, UnsupportedOperationException } from "../errors/index.js";

export function invalidType(message: string, errorClass: string, parameters: Record<string, string> = {}) {
  return new AnalysisException(`[${errorClass}] ${message}`, { errorClass, messageParameters: parameters });
}

export function unsupportedType(what: string): UnsupportedOperationException {
  return new UnsupportedOperationException(`[UNSUPPORTED_DATATYPE] Unsupported data type ${what}.`, {
    errorClass: "UNSUPPORTED_DATATYPE",
    sqlState: "0A000",
    messageParameters: { typeName: what },
  });
}

export function typeSyntaxError(text: string, position: number, expected: string): ParseException {
  const near = text.slice(position).trim();
  const token = near === "" ? "end of input" : `'${near.split(/[\s,<>():]/)[0] || near[0]}'`;
  return new ParseException(
    `[PARSE_SYNTAX_ERROR] Syntax error at or near ${token}: expected ${expected} (position ${position} in "${text}").`,
    {
      errorClass: "PARSE_SYNTAX_ERROR",
      sqlState: "42601",
      messageParameters: { error: token, hint: expected, position: String(position) },
    },
  );
}

/**
 * Raising the errors Spark raises: same exception class, error class, SQLSTATE and message parameters, with a
 * message in Spark's `[CLASS] text SQLSTATE: xxxxx` shape (the text is our own wording).
 */
import {
  AnalysisException,
  ArithmeticException,
  NumberFormatException,
  type SparkConnectError,
  SparkNoSuchElementException,
  UnsupportedOperationException,
} from "../errors/index.js";

type ErrorClassConstructor = new (
  message: string,
  details: ConstructorParameters<typeof SparkConnectError>[1],
) => SparkConnectError;

export function sparkError(
  Kind: ErrorClassConstructor,
  errorClass: string,
  sqlState: string,
  text: string,
  messageParameters: Record<string, string> = {},
): SparkConnectError {
  return new Kind(`[${errorClass}] ${text} SQLSTATE: ${sqlState}`, { errorClass, sqlState, messageParameters });
}

export const quoteId = (name: string): string => `\`${name.replaceAll("`", "``")}\``;

export function unresolvedColumn(name: string, candidates: readonly string[]): SparkConnectError {
  const objectName = name
    .split(".")
    .map((p) => quoteId(p))
    .join(".");
  const proposal = candidates.slice(0, 5).map(quoteId).join(", ");
  if (candidates.length === 0) {
    return sparkError(
      AnalysisException,
      "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION",
      "42703",
      `No column, variable or function parameter named ${objectName} exists in this scope.`,
      { objectName },
    );
  }
  return sparkError(
    AnalysisException,
    "UNRESOLVED_COLUMN.WITH_SUGGESTION",
    "42703",
    `No column, variable or function parameter named ${objectName} exists in this scope; the closest are [${proposal}].`,
    { objectName, proposal },
  );
}

export function ambiguousReference(name: string, references: readonly string[]): SparkConnectError {
  const referenceNames = `[${references.join(", ")}]`;
  return sparkError(
    AnalysisException,
    "AMBIGUOUS_REFERENCE",
    "42704",
    `${quoteId(name)} could mean any of ${referenceNames}.`,
    {
      name: quoteId(name),
      referenceNames,
    },
  );
}

export function divideByZero(): SparkConnectError {
  return sparkError(
    ArithmeticException,
    "DIVIDE_BY_ZERO",
    "22012",
    'Division by zero; try_divide returns NULL instead, or set "spark.sql.ansi.enabled" to "false".',
    { config: '"spark.sql.ansi.enabled"' },
  );
}

export function arithmeticOverflow(message: string, alternative = ""): SparkConnectError {
  return sparkError(ArithmeticException, "ARITHMETIC_OVERFLOW", "22003", `${message}.${alternative}`, {
    message,
    alternative,
    config: '"spark.sql.ansi.enabled"',
  });
}

export function castInvalidInput(value: string, sourceType: string, targetType: string): SparkConnectError {
  const expression = `'${value}'`;
  return sparkError(
    NumberFormatException,
    "CAST_INVALID_INPUT",
    "22018",
    `${expression} (${sourceType}) is not a valid ${targetType}; try_cast returns NULL for malformed input.`,
    { expression, sourceType, targetType },
  );
}

export function castOverflow(value: string, sourceType: string, targetType: string): SparkConnectError {
  return sparkError(
    ArithmeticException,
    "CAST_OVERFLOW",
    "22003",
    `${value} (${sourceType}) does not fit in ${targetType}; try_cast returns NULL instead.`,
    { value, sourceType, targetType },
  );
}

export function dataTypeMismatch(subClass: string, sqlExpr: string, text: string, params: Record<string, string>) {
  return sparkError(AnalysisException, `DATATYPE_MISMATCH.${subClass}`, "42K09", `Cannot resolve ${sqlExpr}: ${text}`, {
    sqlExpr,
    ...params,
  });
}

export function unresolvedRoutine(name: string): SparkConnectError {
  const routineName = quoteId(name);
  const searchPath = "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]";
  return sparkError(AnalysisException, "UNRESOLVED_ROUTINE", "42883", `No function ${routineName} on ${searchPath}.`, {
    routineName,
    searchPath,
  });
}

export function sqlConfNotFound(key: string): SparkConnectError {
  const sqlConf = `"${key}"`;
  return sparkError(
    SparkNoSuchElementException,
    "SQL_CONF_NOT_FOUND",
    "42K0I",
    `The SQL config ${sqlConf} cannot be found. Please verify that the config exists.`,
    {
      sqlConf,
    },
  );
}

/** Something valid in Spark that the local engine does not implement yet; always names the feature. */
export function notSupportedLocally(feature: string): SparkConnectError {
  return new UnsupportedOperationException(`The local engine does not support ${feature} yet.`, {
    errorClass: "UNSUPPORTED_FEATURE.LOCAL_ENGINE",
    sqlState: "0A000",
    messageParameters: { feature },
  });
}

/** The errors Spark's collection functions raise, with Spark's error classes and SQL states. */
import { ArrayIndexOutOfBoundsException, SparkRuntimeException } from "../../errors/index.js";
import { dataTypeMismatch, sparkError } from "../errors.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";

const ORDINALS = ["first", "second", "third", "fourth", "fifth"];

/** DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE for argument `index` (0-based) of a call shown as `display`. */
export function unexpectedInput(display: string, index: number, arg: Expr, requiredType: string) {
  return dataTypeMismatch("UNEXPECTED_INPUT_TYPE", `"${display}"`, `argument ${index + 1} must be ${requiredType}.`, {
    paramIndex: ORDINALS[index] ?? String(index + 1),
    requiredType,
    inputSql: `"${displayOf(arg)}"`,
    inputType: T.sqlTypeName(arg.type),
  });
}

export function dataDiffTypes(display: string, functionName: string, types: readonly T.DataType[]) {
  const dataType = `[${types.map(T.sqlTypeName).join(", ")}]`;
  return dataTypeMismatch("DATA_DIFF_TYPES", `"${display}"`, `${functionName} needs arguments of one type.`, {
    functionName: `\`${functionName}\``,
    dataType,
  });
}

export function nullMapKey() {
  return sparkError(SparkRuntimeException, "NULL_MAP_KEY", "2200E", "Cannot use null as map key.");
}

export function duplicatedMapKey(key: string) {
  return sparkError(SparkRuntimeException, "DUPLICATED_MAP_KEY", "23505", `Duplicate map key ${key} was found.`, {
    key,
    mapKeyDedupPolicy: '"spark.sql.mapKeyDedupPolicy"',
  });
}

export function indexOfZero() {
  return sparkError(SparkRuntimeException, "INVALID_INDEX_OF_ZERO", "22003", "The index 0 is invalid.");
}

export function arrayIndexOutOfBounds(errorClass: string, index: number, size: number) {
  return sparkError(
    ArrayIndexOutOfBoundsException,
    errorClass,
    "22003",
    `The index ${index} is out of bounds. The array has ${size} elements.`,
    { indexValue: String(index), arraySize: String(size) },
  );
}

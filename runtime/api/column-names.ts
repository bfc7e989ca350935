/** Turning the "a Column or a column name" arguments that most DataFrame methods accept into Columns. */
import { ClientArgumentError } from "../errors/index.js";
import { columnReference, star } from "../plan/expressions.js";
import { describeType } from "../plan/literals.js";
import { Column } from "./column.js";

export type ColumnOrName = Column | string;

/** A column by name as `functions.col` makes it: `*` and `t.*` are stars, anything else a reference. */
export function columnByName(name: string, planId?: bigint): Column {
  if (name === "*") return new Column(star(undefined, planId));
  if (name.endsWith(".*")) return new Column(star(name, planId));
  return new Column(columnReference(name, planId));
}

export function columnOrName(value: unknown, argName: string): Column {
  if (value instanceof Column) return value;
  if (typeof value === "string") return columnByName(value);
  throw new ClientArgumentError(`${argName} must be a Column or a column name, got ${describeType(value)}.`, {
    errorClass: "NOT_COLUMN_OR_STR",
    messageParameters: { arg_name: argName, arg_type: describeType(value) },
  });
}

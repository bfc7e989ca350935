/**
 * The trailing options of orderBy/sort/sortWithinPartitions, PySpark's `ascending=` keyword: one flag for every
 * column, or one per column. A false flag turns that column into a descending key (nulls last), as PySpark does.
 */
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import { Column } from "./column.js";

export interface SortOptions {
  readonly ascending?: boolean | number | readonly (boolean | number)[];
}

/** A plain object at the end of the arguments is the options; anything else is a column. */
export function splitSortOptions<T>(args: ReadonlyArray<T | SortOptions>): { cols: T[]; options: SortOptions } {
  const last = args.at(-1);
  const isOptions = typeof last === "object" && last !== null && !Array.isArray(last) && !(last instanceof Column);
  return isOptions
    ? { cols: args.slice(0, -1) as T[], options: last as SortOptions }
    : { cols: [...args] as T[], options: {} };
}

/** Applies `ascending` to the sort keys in order (extra flags or keys are left as they are, like zip). */
export function applyAscending(columns: readonly Column[], ascending: SortOptions["ascending"]): Column[] {
  if (ascending === undefined) return [...columns];
  if (typeof ascending === "boolean" || typeof ascending === "number") {
    return ascending ? [...columns] : columns.map((column) => column.desc());
  }
  if (Array.isArray(ascending)) {
    return columns.map((column, index) => (index < ascending.length && !ascending[index] ? column.desc() : column));
  }
  throw new ClientArgumentError(`ascending must be a boolean or a list of booleans, got ${describeType(ascending)}.`, {
    errorClass: "NOT_COLUMN_OR_INT_OR_STR",
  });
}

/**
 * array_sort without a comparator: ascending, NULLs last. Spark fills in its default comparator lambda, which
 * shows in the column name, so the display spells that lambda out; the kernel sorts with the type's order.
 */
import type { Scalar } from "../columnar/column-vector.js";
import { orderOf } from "../columnar/nested-order.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import { arrayParts } from "../types/nested-types.js";
import { unexpectedInput } from "./collection-errors.js";
import { call, type ScalarFunction } from "./function-types.js";
import { rowKernel } from "./nested-kernel-helpers.js";

const v = "namedlambdavariable()";
const DEFAULT_COMPARATOR =
  `lambdafunction((IF(((${v} IS NULL) AND (${v} IS NULL)), 0, (IF((${v} IS NULL), 1, (IF((${v} IS NULL), -1, ` +
  `(IF((${v} < ${v}), -1, (IF((${v} > ${v}), 1, 0)))))))))), ${v}, ${v})`;

const arraySort: ScalarFunction = {
  resolve: (args, ctx) => {
    const [array] = args as [Expr];
    const display = `array_sort(${args.map(displayOf).join(", ")}, ${DEFAULT_COMPARATOR})`;
    if (array.type.kind.case !== "array") throw unexpectedInput(display, 0, array, '"ARRAY"');
    return call("array_sort", [array], array.type, display, ctx, array.nullable);
  },
  kernel: (args, c) => {
    const compare = orderOf(arrayParts((c.args[0] as Expr).type).element);
    return rowKernel(args, c.type, ([a]) =>
      [...(a as readonly Scalar[])].sort((x, y) =>
        x === null ? (y === null ? 0 : 1) : y === null ? -1 : compare(x, y),
      ),
    );
  },
};

export const arraySortFunctions: Record<string, ScalarFunction> = { array_sort: arraySort };

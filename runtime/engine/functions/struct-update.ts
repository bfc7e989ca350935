/**
 * The kernel behind Column.withField / dropFields: `update_fields(base, v1, v2, …)` builds the updated struct
 * from values the analyzer already chose (fields of `base` read or replaced, new ones appended), and is NULL
 * wherever `base` is NULL. Not callable by name, as in Spark.
 */
import { unresolvedRoutine } from "../errors.js";
import type { ScalarFunction } from "./function-types.js";
import { rowKernel } from "./nested-kernel-helpers.js";

export const UPDATE_FIELDS = "update_fields";

const updateFields: ScalarFunction = {
  resolve: (_args, _ctx, name) => {
    throw unresolvedRoutine(name);
  },
  kernel: (args, c) => rowKernel(args, c.type, ([base, ...values]) => (base === null ? null : values), false),
};

export const structUpdateFunctions: Record<string, ScalarFunction> = { [UPDATE_FIELDS]: updateFields };

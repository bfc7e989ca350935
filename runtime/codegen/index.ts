/**
 * The only module generated code imports: argument encoders, the builtin call, hand-written builders for the
 * irregular builtins, and the types generated signatures mention.
 */
export type * from "./api-types.js";
export {
  atLeast,
  column,
  columnOrName,
  columnOrNameOrLiteral,
  type LiteralInput,
  lambda,
  literal,
  options,
  orDefault,
  orRandomSeed,
} from "./argument-encoders.js";
export { type CallOptions, callBuiltin } from "./call-builtin.js";
export { customBuilders, unsupportedBuiltin } from "./custom-builders.js";
export { type ColumnLambda, resetLambdaVariableIds } from "./lambda-function.js";
export type { DateAndTime } from "./timestamp-builders.js";

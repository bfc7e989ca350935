/**
 * What `functions` (PySpark's `F`) offers: every pyspark builtin, generated into generated/functions on top of
 * the hand-written core in functions.ts, plus that core's generic `callFunction` for any function by name.
 */
export * from "../../generated/functions/index.js";
export { callDistinctFunction, callFunction } from "./functions.js";

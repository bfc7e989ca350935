export * from "./exceptions.js";
export { type QueryContext, type SparkErrorDetails, SparkConnectError } from "./spark-error.js";

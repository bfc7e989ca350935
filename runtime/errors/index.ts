export { throwIfAnalysisAborted } from "./aborted-analysis.js";
export * from "./exceptions.js";
export { convertServerError, type ErrorDetailsFetcher, errorFromGrpc } from "./from-grpc.js";
export {
  type GrpcFailure,
  isGrpcFailure,
  readStatusDetails,
  type StatusDetails,
  serverRetryDelayMs,
  statusMessage,
} from "./grpc-status-details.js";
export { formatServerStackTrace } from "./server-stack-trace.js";
export { type QueryContext, SparkConnectError, type SparkErrorDetails } from "./spark-error.js";

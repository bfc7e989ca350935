export { clientType, SPARKTS_VERSION } from "./client-type.js";
export {
  type ConnectionEnvironment,
  type ConnectionString,
  DEFAULT_PORT,
  parseConnectionString,
  resolveConnectionString,
} from "./connection-string.js";
export type { RpcName } from "./grpc-client.js";
export { RemoteBackend, type RemoteBackendOptions } from "./remote-backend.js";
export {
  DEFAULT_RETRY_POLICY,
  isRetryableByDefault,
  type RetryPolicy,
  RetrySchedule,
  withRetries,
} from "./retry-policy.js";

/** Builds grpc-js style failures, optionally with a rich status trailer, for unit tests of retries and errors. */
import { create, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import { anyPack } from "@bufbuild/protobuf/wkt";
import { Metadata, type ServiceError } from "@grpc/grpc-js";
import { ErrorInfoSchema, RetryInfoSchema } from "../../generated/proto/google/rpc/error_details_pb.js";
import { StatusSchema } from "../../generated/proto/google/rpc/status_pb.js";

export interface FailureDetails {
  readonly retryDelayMs?: number;
  readonly errorInfo?: MessageInitShape<typeof ErrorInfoSchema>;
}

export function grpcFailure(code: number, message: string, details: FailureDetails = {}): ServiceError {
  const metadata = new Metadata();
  const packed = [];
  if (details.retryDelayMs !== undefined) {
    const seconds = BigInt(Math.floor(details.retryDelayMs / 1000));
    const nanos = (details.retryDelayMs % 1000) * 1_000_000;
    packed.push(anyPack(RetryInfoSchema, create(RetryInfoSchema, { retryDelay: { seconds, nanos } })));
  }
  if (details.errorInfo !== undefined)
    packed.push(anyPack(ErrorInfoSchema, create(ErrorInfoSchema, details.errorInfo)));
  if (packed.length > 0) {
    const status = create(StatusSchema, { code, message, details: packed });
    metadata.set("grpc-status-details-bin", Buffer.from(toBinary(StatusSchema, status)));
  }
  return Object.assign(new Error(`${code} ${message}`), { code, details: message, metadata });
}

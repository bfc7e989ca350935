/**
 * Reads the rich error model a gRPC server may attach to a failed call: a `google.rpc.Status` serialized into the
 * `grpc-status-details-bin` trailer, whose `details` hold typed messages such as `ErrorInfo` and `RetryInfo`.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { anyIs, anyUnpack } from "@bufbuild/protobuf/wkt";
import type { Metadata, ServiceError } from "@grpc/grpc-js";
import {
  type ErrorInfo,
  ErrorInfoSchema,
  type RetryInfo,
  RetryInfoSchema,
} from "../../generated/proto/google/rpc/error_details_pb.js";
import { type Status, StatusSchema } from "../../generated/proto/google/rpc/status_pb.js";

const STATUS_DETAILS_KEY = "grpc-status-details-bin";

/** The parts of a grpc-js failure this module reads (a `ServiceError` has them all). */
export type GrpcFailure = Pick<ServiceError, "code" | "details"> & { readonly metadata?: Metadata | undefined };

export interface StatusDetails {
  readonly status: Status;
  readonly errorInfo: ErrorInfo | undefined;
  readonly retryInfo: RetryInfo | undefined;
}

/** True for errors raised by grpc-js for a call (they carry a numeric status code and a details string). */
export function isGrpcFailure(error: unknown): error is GrpcFailure {
  return (
    error instanceof Error &&
    typeof (error as Partial<ServiceError>).code === "number" &&
    typeof (error as Partial<ServiceError>).details === "string"
  );
}

/** Decodes the status trailer; undefined when the server sent none or it does not parse. */
export function readStatusDetails(failure: GrpcFailure): StatusDetails | undefined {
  const raw = failure.metadata?.get(STATUS_DETAILS_KEY)[0];
  if (raw === undefined || typeof raw === "string") return undefined;
  let status: Status;
  try {
    status = fromBinary(StatusSchema, raw);
  } catch {
    return undefined;
  }
  let errorInfo: ErrorInfo | undefined;
  let retryInfo: RetryInfo | undefined;
  for (const detail of status.details) {
    if (errorInfo === undefined && anyIs(detail, ErrorInfoSchema)) errorInfo = anyUnpack(detail, ErrorInfoSchema);
    if (retryInfo === undefined && anyIs(detail, RetryInfoSchema)) retryInfo = anyUnpack(detail, RetryInfoSchema);
  }
  return { status, errorInfo, retryInfo };
}

/** The server's requested wait before retrying, in milliseconds, if it sent a RetryInfo. */
export function serverRetryDelayMs(failure: GrpcFailure): number | undefined {
  const delay = readStatusDetails(failure)?.retryInfo?.retryDelay;
  if (delay === undefined) return undefined;
  return Number(delay.seconds) * 1000 + Math.floor(delay.nanos / 1_000_000);
}

/** The status message: the one inside the rich status when present, else the plain grpc details string. */
export function statusMessage(failure: GrpcFailure): string {
  return readStatusDetails(failure)?.status.message || failure.details;
}

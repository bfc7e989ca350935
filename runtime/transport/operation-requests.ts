/**
 * Builders for the requests that drive one operation (execute, reattach, release, interrupt), plus the argument
 * checks Spark would otherwise answer with a less helpful server error.
 */
import { create } from "@bufbuild/protobuf";
import {
  type ExecutePlanRequest,
  ExecutePlanRequestSchema,
  type InterruptRequest,
  InterruptRequest_InterruptType,
  InterruptRequestSchema,
  type Plan,
  type ReattachExecuteRequest,
  ReattachExecuteRequestSchema,
  type ReleaseExecuteRequest,
  ReleaseExecuteRequestSchema,
} from "../../generated/proto/spark/connect/base_pb.js";
import type { InterruptTarget } from "../backend.js";
import { ClientArgumentError } from "../errors/index.js";
import type { ReleaseTarget } from "./release-queue.js";
import type { RequestEnvelope } from "./session.js";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResultChunking {
  readonly allowArrowBatchChunking: boolean;
  readonly preferredArrowChunkSize?: bigint;
}

export interface ExecuteRequestParts {
  readonly operationId: string;
  readonly plan: Plan;
  readonly tags: readonly string[];
  readonly chunking: ResultChunking;
}

/** A reattachable ExecutePlan: the server keeps the results until released, so the stream can be resumed. */
export function executePlanRequest(envelope: RequestEnvelope, parts: ExecuteRequestParts): ExecutePlanRequest {
  return create(ExecutePlanRequestSchema, {
    ...envelope,
    operationId: parts.operationId,
    plan: parts.plan,
    tags: [...parts.tags],
    requestOptions: [
      { requestOption: { case: "reattachOptions", value: { reattachable: true } } },
      { requestOption: { case: "resultChunkingOptions", value: parts.chunking } },
    ],
  });
}

/** Resumes after `lastResponseId`, or from the start when nothing was consumed yet. */
export function reattachRequest(
  envelope: RequestEnvelope,
  operationId: string,
  lastResponseId: string | undefined,
): ReattachExecuteRequest {
  return create(ReattachExecuteRequestSchema, {
    ...envelope,
    operationId,
    ...(lastResponseId === undefined ? {} : { lastResponseId }),
  });
}

export function releaseRequest(
  envelope: RequestEnvelope,
  operationId: string,
  target: ReleaseTarget,
): ReleaseExecuteRequest {
  return create(ReleaseExecuteRequestSchema, {
    ...envelope,
    operationId,
    release:
      target === "all"
        ? { case: "releaseAll", value: {} }
        : { case: "releaseUntil", value: { responseId: target.until } },
  });
}

export function interruptRequest(envelope: RequestEnvelope, target: InterruptTarget): InterruptRequest {
  switch (target.kind) {
    case "all":
      return create(InterruptRequestSchema, { ...envelope, interruptType: InterruptRequest_InterruptType.ALL });
    case "tag":
      checkTag(target.tag);
      return create(InterruptRequestSchema, {
        ...envelope,
        interruptType: InterruptRequest_InterruptType.TAG,
        interrupt: { case: "operationTag", value: target.tag },
      });
    case "operation":
      return create(InterruptRequestSchema, {
        ...envelope,
        interruptType: InterruptRequest_InterruptType.OPERATION_ID,
        interrupt: { case: "operationId", value: target.operationId },
      });
  }
}

/** Spark rejects empty tags and tags containing ',' (it joins them with commas internally). */
export function checkTag(tag: string): void {
  if (tag === "" || tag.includes(",")) {
    throw new ClientArgumentError(`Operation tag '${tag}' must be non-empty and must not contain ','.`);
  }
}

/** Operation and session ids must be UUIDs in their canonical text form. */
export function checkUuid(what: string, value: string): void {
  if (!UUID_PATTERN.test(value)) throw new ClientArgumentError(`${what} '${value}' is not a UUID.`);
}

/**
 * The operation tags of one session (`spark.addTag` and friends). Every ExecutePlan the session sends carries
 * them, so `interruptTag(tag)` can stop exactly the operations started while the tag was set. PySpark keeps them
 * per thread; a JS session has one thread of control, so they are kept per session (per Backend, so the code that
 * runs plans, which only sees the backend, finds them). Tags are checked as PySpark checks them: a string, not
 * empty, without ',' (Spark joins job tags with commas).
 */
import type { Backend } from "../backend.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";

export class SessionTags {
  private readonly tags = new Set<string>();

  add(tag: string): void {
    this.tags.add(requireValidTag(tag));
  }

  /** Removing a tag that is not set is an error, as removing from PySpark's tag set is. */
  remove(tag: string): void {
    if (!this.tags.delete(requireValidTag(tag))) {
      throw new ClientArgumentError(`Tag '${tag}' is not set on this session.`, {
        errorClass: "KEY_NOT_FOUND",
        messageParameters: { key: tag },
      });
    }
  }

  /** A copy, in the order the tags were added. */
  list(): string[] {
    return [...this.tags];
  }

  clear(): void {
    this.tags.clear();
  }
}

export function requireValidTag(tag: unknown): string {
  if (tag === null || tag === undefined) {
    throw new ClientArgumentError("Spark Connect tag must not be null or undefined.", {
      errorClass: "CANNOT_BE_NONE",
      messageParameters: { arg_name: "Spark Connect tag" },
    });
  }
  if (typeof tag !== "string") {
    throw new ClientArgumentError(`Spark Connect tag must be a string, got ${describeType(tag)}.`, {
      errorClass: "NOT_STR",
      messageParameters: { arg_name: "Spark Connect tag", arg_type: describeType(tag) },
    });
  }
  if (tag.includes(",")) {
    throw new ClientArgumentError(`Spark Connect tag '${tag}' must not contain ','.`, {
      errorClass: "VALUE_ALLOWED",
      messageParameters: { arg_name: "Spark Connect tag", disallowed_value: "," },
    });
  }
  if (tag.length === 0) {
    throw new ClientArgumentError("Spark Connect tag must be a non-empty string.", {
      errorClass: "VALUE_NOT_NON_EMPTY_STR",
      messageParameters: { arg_name: "Spark Connect tag", arg_value: tag },
    });
  }
  return tag;
}

const byBackend = new WeakMap<Backend, SessionTags>();

/** The tags of the session running on `backend` (made on first use). */
export function sessionTagsOf(backend: Backend): SessionTags {
  let tags = byBackend.get(backend);
  if (tags === undefined) {
    tags = new SessionTags();
    byBackend.set(backend, tags);
  }
  return tags;
}

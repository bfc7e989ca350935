/** Running operations with their tags, so interrupt(all | tag | operation id) can abort them. */
import type { InterruptTarget } from "../../backend.js";

interface Running {
  readonly tags: readonly string[];
  readonly controller: AbortController;
}

export class OperationRegistry {
  private readonly running = new Map<string, Running>();

  start(operationId: string, tags: readonly string[], external?: AbortSignal): { signal: AbortSignal } {
    const controller = new AbortController();
    if (external) {
      if (external.aborted) controller.abort();
      else external.addEventListener("abort", () => controller.abort(), { once: true });
    }
    this.running.set(operationId, { tags, controller });
    return { signal: controller.signal };
  }

  finish(operationId: string): void {
    this.running.delete(operationId);
  }

  interrupt(target: InterruptTarget): string[] {
    const hit: string[] = [];
    for (const [id, op] of this.running) {
      const matches =
        target.kind === "all" ||
        (target.kind === "tag" && op.tags.includes(target.tag)) ||
        (target.kind === "operation" && target.operationId === id);
      if (matches) {
        op.controller.abort();
        hit.push(id);
      }
    }
    return hit;
  }
}

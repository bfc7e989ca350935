/**
 * `local[N]` with N > 1: a pool of N executor threads, one task per thread at a time, tasks queued in
 * submission order. Results arrive as transferred buffers. A thread that dies fails its task (the DAG
 * scheduler retries it) and is replaced. Threads are unref'd so an idle pool never keeps Node alive.
 */
import { Worker } from "node:worker_threads";
import type { TaskExecutor, TaskResult, TaskSpec } from "./task.js";
import { deserializeError, type ResultMessage } from "./worker-messages.js";

interface Pending {
  readonly id: number;
  readonly task: TaskSpec;
  readonly resolve: (result: TaskResult) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  running: Pending | null;
}

/**
 * Under tsx or vitest the sources are .ts files, which a fresh thread cannot load by itself: it first
 * registers tsx's loader, then imports the worker module (dev and test only; builds run the .js file).
 */
function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith(".ts")) return new Worker(new URL("./executor-worker.js", self));
  const entry = new URL("./executor-worker.ts", self).href;
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}

export class WorkerPoolExecutor implements TaskExecutor {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly parallelism: number) {}

  execute(task: TaskSpec): Promise<TaskResult> {
    if (this.closed) return Promise.reject(new Error("the executor pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(), running: null };
    slot.worker.unref();
    slot.worker.on("message", (message: ResultMessage) => this.onMessage(slot, message));
    slot.worker.on("error", (error) => this.onExit(slot, error));
    slot.worker.on("exit", (code) => {
      if (!this.closed) this.onExit(slot, new Error(`executor thread exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle =
        this.slots.find((s) => s.running === null) ?? (this.slots.length < this.parallelism ? this.spawn() : undefined);
      if (idle === undefined) return;
      const next = this.queue.shift() as Pending;
      idle.running = next;
      idle.worker.ref();
      idle.worker.postMessage({ id: next.id, task: next.task });
    }
  }

  private onMessage(slot: Slot, message: ResultMessage): void {
    const pending = slot.running;
    slot.running = null;
    slot.worker.unref();
    if (pending !== null && pending.id === message.id) {
      if ("error" in message) pending.reject(deserializeError(message.error));
      else pending.resolve(message.result);
    }
    this.dispatch();
  }

  private onExit(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.running?.reject(error);
    slot.running = null;
    this.dispatch();
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) void slot.worker.terminate();
    this.slots.length = 0;
    for (const pending of this.queue.splice(0)) pending.reject(new Error("the executor pool was closed"));
  }
}

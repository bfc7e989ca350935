/**
 * `local[N]` with N > 1: a pool of N executor threads, one task per thread at a time, tasks queued in
 * submission order. Each executor keeps the map outputs it wrote; every two executors share a channel over which
 * a reduce task fetches blocks straight from the executor holding them (the driver only serves its own store's
 * blocks). A thread that dies fails its running task (the DAG scheduler retries it), fails fetches from it (its
 * peers are told), is reported lost (so its map outputs are recomputed) and is replaced by a fresh executor.
 * Threads are unref'd so an idle pool never keeps Node alive.
 */
import { MessageChannel, type TransferListItem, Worker } from "node:worker_threads";
import type { Batch } from "../columnar/column-vector.js";
import { BlockStore } from "../shuffle/block-store.js";
import type { BlockLocation } from "../shuffle/map-output-tracker.js";
import type { MapStatus, SpillSettings } from "../shuffle/map-status.js";
import { removeSpillDir, trackSpillDir } from "../shuffle/spill-dir-cleanup.js";
import { fromWire, toWireLists } from "./batch-wire.js";
import { FetchFailedError } from "./fetch-failed.js";
import { DRIVER_EXECUTOR_ID, type TaskExecutor, type TaskOutcome, type TaskSpec } from "./task.js";
import {
  deserializeError,
  type FromExecutor,
  serializeError,
  type ToExecutor,
  type WireOutcome,
} from "./worker-messages.js";

interface Pending {
  readonly id: number;
  readonly task: TaskSpec;
  readonly resolve: (result: TaskOutcome) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly executorId: string;
  running: Pending | null;
  /** Reported with its map statuses once it spills; removed with the executor. */
  spillDir: string | null;
}

/**
 * Under tsx or vitest the sources are .ts files, which a fresh thread cannot load by itself: it first
 * registers tsx's loader, then imports the worker module (dev and test only; builds run the .js file).
 */
function startWorker(executorId: string): Worker {
  const self = import.meta.url;
  const workerData = { executorId };
  if (!self.endsWith(".ts")) return new Worker(new URL("./executor-worker.js", self), { workerData });
  const entry = new URL("./executor-worker.ts", self).href;
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export class WorkerPoolExecutor implements TaskExecutor {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly driverBlocks = new BlockStore(DRIVER_EXECUTOR_ID);
  private readonly lostListeners: ((executorId: string) => void)[] = [];
  private nextId = 0;
  private nextExecutor = 0;
  private closed = false;

  constructor(readonly parallelism: number) {}

  execute(task: TaskSpec): Promise<TaskOutcome> {
    if (this.closed) return Promise.reject(new Error("the executor pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  putOnDriver(shuffleId: number, map: number, perReducer: Batch[][], spill: SpillSettings): MapStatus {
    return this.driverBlocks.put(shuffleId, map, perReducer, spill);
  }

  removeShuffle(shuffleId: number): void {
    this.driverBlocks.removeShuffle(shuffleId);
    for (const slot of this.slots) this.post(slot, { kind: "removeShuffle", shuffleId });
  }

  onExecutorLost(listener: (executorId: string) => void): void {
    this.lostListeners.push(listener);
  }

  /** Ids of the executors alive now. */
  get executorIds(): string[] {
    return this.slots.map((s) => s.executorId);
  }

  /**
   * Kills an executor thread as if it crashed: nothing is cleaned up here; the pool notices through the thread's
   * exit event, like any other death (its running task fails, fetches from it fail, its blocks are gone). For
   * fault-injection tests of recomputation from lineage.
   */
  async killExecutor(executorId: string): Promise<void> {
    await this.slots.find((s) => s.executorId === executorId)?.worker.terminate();
  }

  private spawn(): Slot {
    const executorId = `executor-${this.nextExecutor++}`;
    const slot: Slot = {
      worker: startWorker(executorId),
      executorId,
      running: null,
      spillDir: null,
    };
    // A channel to every other executor, so reduce tasks fetch blocks from each other without the driver.
    for (const other of this.slots) {
      const { port1, port2 } = new MessageChannel();
      this.post(other, { kind: "peer", executorId, port: port1 }, [port1]);
      this.post(slot, { kind: "peer", executorId: other.executorId, port: port2 }, [port2]);
    }
    slot.worker.unref();
    slot.worker.on("message", (message: FromExecutor) => this.onMessage(slot, message));
    slot.worker.on("error", (error) => this.onExit(slot, error));
    slot.worker.on("exit", (code) => {
      if (!this.closed) this.onExit(slot, new Error(`executor thread exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private post(slot: Slot, message: ToExecutor, transfer: TransferListItem[] = []): void {
    slot.worker.postMessage(message, transfer);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle =
        this.slots.find((s) => s.running === null) ?? (this.slots.length < this.parallelism ? this.spawn() : undefined);
      if (idle === undefined) return;
      const next = this.queue.shift() as Pending;
      idle.running = next;
      idle.worker.ref();
      this.post(idle, { kind: "task", id: next.id, task: next.task });
    }
  }

  private onMessage(slot: Slot, message: FromExecutor): void {
    switch (message.kind) {
      case "result":
        this.onResult(slot, message);
        return;
      case "fetch":
        this.serveFromDriver(slot, message.fetchId, message.shuffleId, message.reduce, message.location);
        return;
    }
  }

  private onResult(slot: Slot, message: Extract<FromExecutor, { kind: "result" }>): void {
    const pending = slot.running;
    slot.running = null;
    slot.worker.unref();
    if (pending !== null && pending.id === message.id) {
      if ("error" in message) pending.reject(deserializeError(message.error));
      else {
        const dir = message.result.kind === "mapOutput" ? message.result.status.spillDir : null;
        if (dir !== null && slot.spillDir === null) {
          slot.spillDir = dir;
          trackSpillDir(dir);
        }
        pending.resolve(outcomeFromWire(message.result));
      }
    }
    this.dispatch();
  }

  /** Blocks the driver itself holds (range shuffles split here), copied to the executor that asked. */
  private serveFromDriver(
    requester: Slot,
    fetchId: number,
    shuffleId: number,
    reduce: number,
    location: BlockLocation,
  ): void {
    const blocks =
      location.executorId === DRIVER_EXECUTOR_ID ? this.driverBlocks.read(shuffleId, location.maps, reduce) : undefined;
    if (blocks === undefined) {
      const error = new FetchFailedError(shuffleId, location.executorId, "its blocks are not in the driver's store");
      this.post(requester, { kind: "fetched", fetchId, error: serializeError(error) });
      return;
    }
    this.post(requester, { kind: "fetched", fetchId, blocks: toWireLists(blocks) });
  }

  private onExit(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.running?.reject(error);
    slot.running = null;
    for (const other of this.slots) this.post(other, { kind: "peerLost", executorId: slot.executorId });
    this.dropExecutorDisk(slot);
    for (const listener of this.lostListeners) listener(slot.executorId);
    this.dispatch();
  }

  /** A lost or stopped executor's disk goes with it, once its thread can no longer write there. */
  private dropExecutorDisk(slot: Slot): void {
    void slot.worker.terminate().then(() => {
      if (slot.spillDir !== null) removeSpillDir(slot.spillDir);
    });
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) this.dropExecutorDisk(slot);
    this.slots.length = 0;
    this.driverBlocks.clear();
    for (const pending of this.queue.splice(0)) pending.reject(new Error("the executor pool was closed"));
  }
}

function outcomeFromWire(result: WireOutcome): TaskOutcome {
  const observed = result.observed?.map(({ metricsId, state }) => ({ metricsId, state: fromWire(state) }));
  const extras = observed === undefined ? {} : { observed };
  return result.kind === "rows"
    ? { kind: "rows", batches: result.batches.map(fromWire), ...extras }
    : { kind: "mapOutput", status: result.status, ...extras };
}

/**
 * Entry point of an executor thread: runs the tasks it is sent against its own block store, serves that store's
 * blocks to other executors' reduce tasks (through the driver), and fetches the blocks its own tasks need.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Batch } from "../columnar/column-vector.js";
import { BlockStore } from "../shuffle/block-store.js";
import { type ExecutorBlocks, runTask } from "./task.js";
import {
  deserializeError,
  type FromExecutor,
  serializeError,
  type ToExecutor,
  transferablesOf,
} from "./worker-messages.js";

const port = parentPort;
if (port === null) throw new Error("executor-worker must run as a worker thread");
const { executorId } = workerData as { executorId: string };

const store = new BlockStore(executorId);
const fetches = new Map<number, { resolve: (blocks: Batch[][]) => void; reject: (error: Error) => void }>();
let nextFetchId = 0;

const post = (message: FromExecutor, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const blocks: ExecutorBlocks = {
  store,
  fetchRemote: (shuffleId, reduce, location) =>
    new Promise((resolve, reject) => {
      const fetchId = nextFetchId++;
      fetches.set(fetchId, { resolve, reject });
      post({ kind: "fetch", fetchId, shuffleId, reduce, location });
    }),
};

async function run(id: number, task: Extract<ToExecutor, { kind: "task" }>["task"]): Promise<void> {
  try {
    const result = await runTask(task, blocks);
    // Rows that are (or share buffers with) blocks still in the store are copied, not transferred away.
    const transfer =
      result.kind === "rows" ? transferablesOf(result.batches).filter((buffer) => !store.holds(buffer)) : [];
    post({ kind: "result", id, result }, transfer);
  } catch (error) {
    post({ kind: "result", id, error: serializeError(error) });
  }
}

port.on("message", (message: ToExecutor) => {
  switch (message.kind) {
    case "task":
      void run(message.id, message.task);
      return;
    case "serve": {
      // Cloned, not transferred: a retried reduce task may need the same blocks again.
      let served: Batch[][] | undefined;
      try {
        served = store.read(message.shuffleId, message.maps, message.reduce);
      } catch {
        served = undefined; // an unreadable spill file is a lost block: the map output is recomputed
      }
      post({ kind: "served", serveId: message.serveId, blocks: served });
      return;
    }
    case "fetched": {
      const pending = fetches.get(message.fetchId);
      fetches.delete(message.fetchId);
      if ("error" in message) pending?.reject(deserializeError(message.error));
      else pending?.resolve(message.blocks);
      return;
    }
    case "removeShuffle":
      store.removeShuffle(message.shuffleId);
      return;
  }
});

/**
 * Entry point of an executor thread: runs the tasks it is sent against its own block store, serves that store's
 * blocks to other executors' reduce tasks over the channels the driver set up between executors, and fetches the
 * blocks its own tasks need (from a peer directly, or from the driver's store through the driver).
 */
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import type { Batch } from "../columnar/column-vector.js";
import { BlockStore } from "../shuffle/block-store.js";
import type { BlockLocation } from "../shuffle/map-output-tracker.js";
import { fromWireLists, toWire, toWireLists, type WireBatch, wireTransferables } from "./batch-wire.js";
import { FetchFailedError } from "./fetch-failed.js";
import { DRIVER_EXECUTOR_ID, type ExecutorBlocks, runTask } from "./task.js";
import {
  deserializeError,
  type FromExecutor,
  type PeerMessage,
  serializeError,
  type ToExecutor,
} from "./worker-messages.js";

const port = parentPort;
if (port === null) throw new Error("executor-worker must run as a worker thread");
const { executorId } = workerData as { executorId: string };

interface Fetch {
  readonly resolve: (blocks: Batch[][]) => void;
  readonly reject: (error: Error) => void;
  /** The executor asked, for failing the fetch when it is lost. */
  readonly from: string;
  readonly shuffleId: number;
}

const store = new BlockStore(executorId);
const fetches = new Map<number, Fetch>();
const peers = new Map<string, MessagePort>();
let nextFetchId = 0;

const post = (message: FromExecutor, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

function fetchRemote(shuffleId: number, reduce: number, location: BlockLocation): Promise<Batch[][]> {
  return new Promise((resolve, reject) => {
    const fetchId = nextFetchId++;
    if (location.executorId === DRIVER_EXECUTOR_ID) {
      fetches.set(fetchId, { resolve, reject, from: DRIVER_EXECUTOR_ID, shuffleId });
      post({ kind: "fetch", fetchId, shuffleId, reduce, location });
      return;
    }
    const peer = peers.get(location.executorId);
    if (peer === undefined) {
      reject(new FetchFailedError(shuffleId, location.executorId, "the executor was lost"));
      return;
    }
    fetches.set(fetchId, { resolve, reject, from: location.executorId, shuffleId });
    const request: PeerMessage = { kind: "serve", serveId: fetchId, shuffleId, reduce, maps: location.maps };
    peer.postMessage(request);
  });
}

const blocks: ExecutorBlocks = { store, fetchRemote };

async function run(id: number, task: Extract<ToExecutor, { kind: "task" }>["task"]): Promise<void> {
  try {
    const result = await runTask(task, blocks);
    const observed = result.observed?.map(({ metricsId, state }) => ({ metricsId, state: toWire(state) }));
    const extras = observed === undefined ? {} : { observed };
    if (result.kind === "mapOutput") {
      post({ kind: "result", id, result: { kind: "mapOutput", status: result.status, ...extras } });
      return;
    }
    const batches = result.batches.map(toWire);
    // Rows that are (or share buffers with) blocks still in the store are copied, not transferred away.
    const transfer = wireTransferables(batches).filter((buffer) => !store.holds(buffer));
    post({ kind: "result", id, result: { kind: "rows", batches, ...extras } }, transfer);
  } catch (error) {
    post({ kind: "result", id, error: serializeError(error) });
  }
}

/** A request from a peer for blocks of this store, or the answer to one of this executor's requests. */
function onPeerMessage(peerId: string, peer: MessagePort, message: PeerMessage): void {
  if (message.kind === "serve") {
    // Cloned, not transferred: a retried reduce task may need the same blocks again.
    let served: WireBatch[][] | undefined;
    try {
      const read = store.read(message.shuffleId, message.maps, message.reduce);
      served = read === undefined ? undefined : toWireLists(read);
    } catch {
      served = undefined; // an unreadable spill file is a lost block: the map output is recomputed
    }
    const answer: PeerMessage = { kind: "served", serveId: message.serveId, blocks: served };
    peer.postMessage(answer);
    return;
  }
  const pending = fetches.get(message.serveId);
  fetches.delete(message.serveId);
  if (pending === undefined) return;
  if (message.blocks === undefined)
    pending.reject(new FetchFailedError(pending.shuffleId, peerId, "its blocks are not there"));
  else pending.resolve(fromWireLists(message.blocks));
}

function peerLost(peerId: string): void {
  peers.get(peerId)?.close();
  peers.delete(peerId);
  for (const [fetchId, pending] of fetches) {
    if (pending.from !== peerId) continue;
    fetches.delete(fetchId);
    pending.reject(new FetchFailedError(pending.shuffleId, peerId, "the executor was lost"));
  }
}

port.on("message", (message: ToExecutor) => {
  switch (message.kind) {
    case "task":
      void run(message.id, message.task);
      return;
    case "peer": {
      const peer = message.port;
      peers.set(message.executorId, peer);
      peer.on("message", (m: PeerMessage) => onPeerMessage(message.executorId, peer, m));
      // An open channel would keep this thread's loop alive; the parent port already does while it matters.
      peer.unref();
      return;
    }
    case "peerLost":
      peerLost(message.executorId);
      return;
    case "fetched": {
      const pending = fetches.get(message.fetchId);
      fetches.delete(message.fetchId);
      if ("error" in message) pending?.reject(deserializeError(message.error));
      else pending?.resolve(fromWireLists(message.blocks));
      return;
    }
    case "removeShuffle":
      store.removeShuffle(message.shuffleId);
      return;
  }
});

/** Entry point of an executor thread: runs the tasks it is sent and posts back results or errors. */
import { parentPort } from "node:worker_threads";
import { runTask } from "./task.js";
import { type ResultMessage, serializeError, type TaskMessage, transferablesOf } from "./worker-messages.js";

const port = parentPort;
if (port === null) throw new Error("executor-worker must run as a worker thread");

port.on("message", async (message: TaskMessage) => {
  let reply: ResultMessage;
  let transfer: ArrayBuffer[] = [];
  try {
    const result = await runTask(message.task);
    transfer = transferablesOf(result);
    reply = { id: message.id, result };
  } catch (error) {
    reply = { id: message.id, error: serializeError(error) };
  }
  port.postMessage(reply, transfer);
});

import { describe, expect, it } from "vitest";
import { ReleaseQueue, type ReleaseTarget } from "./release-queue.js";

/** A send function whose calls stay pending until the test lets them finish. */
function controlledSend() {
  const sent: ReleaseTarget[] = [];
  const finishers: (() => void)[] = [];
  const send = (target: ReleaseTarget) =>
    new Promise<void>((resolve) => {
      sent.push(target);
      finishers.push(resolve);
    });
  const finishNext = async () => {
    finishers.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { sent, send, finishNext };
}

describe("ReleaseQueue", () => {
  it("keeps one release in flight and collapses the ones that arrive meanwhile into the newest", async () => {
    const { sent, send, finishNext } = controlledSend();
    const queue = new ReleaseQueue(send, () => undefined);
    queue.releaseUntil("r1");
    queue.releaseUntil("r2");
    queue.releaseUntil("r3");
    expect(sent).toEqual([{ until: "r1" }]);
    await finishNext();
    expect(sent).toEqual([{ until: "r1" }, { until: "r3" }]);
    await finishNext();
    expect(sent).toHaveLength(2);
  });

  it("sends release_all last and nothing after it", async () => {
    const { sent, send, finishNext } = controlledSend();
    const queue = new ReleaseQueue(send, () => undefined);
    queue.releaseUntil("r1");
    queue.releaseAll();
    queue.releaseUntil("r9");
    queue.releaseAll();
    await finishNext();
    await finishNext();
    expect(sent).toEqual([{ until: "r1" }, "all"]);
  });

  it("ignores failed releases and carries on", async () => {
    const sent: ReleaseTarget[] = [];
    const tracked: Promise<unknown>[] = [];
    const queue = new ReleaseQueue(
      async (target) => {
        sent.push(target);
        throw new Error("server busy");
      },
      (work) => tracked.push(work),
    );
    queue.releaseUntil("r1");
    queue.releaseAll();
    while (tracked.length < 2) await Promise.allSettled(tracked);
    await Promise.all(tracked);
    expect(sent).toEqual([{ until: "r1" }, "all"]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { operationEnded, operationStarted } from "./operation-start-times.js";
import type { StageInfo } from "./stage-info.js";
import { type ProgressOutput, progressLine, terminalProgressBar } from "./terminal-progress-bar.js";

class FakeTerminal implements ProgressOutput {
  readonly writes: string[] = [];
  constructor(
    readonly isTTY: boolean,
    readonly columns?: number,
  ) {}
  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }
  /** What the terminal line shows after carriage returns overwrite it. */
  get screen(): string {
    let line: string[] = [];
    let cursor = 0;
    for (const ch of this.writes.join("")) {
      if (ch === "\r") cursor = 0;
      else line[cursor++] = ch;
    }
    line = line.map((c) => c ?? " ");
    return line.join("").trimEnd();
  }
}

const stage = (stageId: number, numTasks: number, numCompletedTasks: number, numBytesRead = 0): StageInfo => ({
  stageId,
  numTasks,
  numCompletedTasks,
  numBytesRead,
  done: numCompletedTasks === numTasks,
});

describe("terminal progress bar", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it("stays silent for the first second, then draws stages and tasks done", () => {
    const out = new FakeTerminal(true);
    const bar = terminalProgressBar({ output: out });
    bar([stage(0, 4, 1)], 3, "op", false);
    vi.advanceTimersByTime(900);
    expect(out.writes).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(out.screen).toBe(`[${"#".repeat(8)}${"-".repeat(22)}] 25%, 1/4 tasks, stages 0/1 done, 3 running, 1s`);
  });

  it("redraws in place and clears its line when the operation ends", () => {
    const out = new FakeTerminal(true);
    const bar = terminalProgressBar({ output: out, delayMs: 0 });
    bar([stage(0, 2, 0), stage(1, 2, 0)], 2, "op", false);
    bar([stage(0, 2, 2), stage(1, 2, 1)], 1, "op", false);
    expect(out.writes.every((w) => w.startsWith("\r"))).toBe(true);
    expect(out.screen).toContain("75%, 3/4 tasks, stages 1/2 done, 1 running");
    bar([stage(0, 2, 2), stage(1, 2, 2)], 0, "op", true);
    expect(out.screen).toBe("");
    expect(out.writes.at(-1)?.endsWith("\r")).toBe(true);
  });

  it("ticks the elapsed time while no report arrives, and stops ticking after the end", () => {
    const out = new FakeTerminal(true);
    const bar = terminalProgressBar({ output: out });
    bar([stage(0, 1, 0)], 1, "op", false);
    vi.advanceTimersByTime(3100);
    expect(out.screen).toContain("3s");
    bar([stage(0, 1, 1)], 0, "op", true);
    const written = out.writes.length;
    vi.advanceTimersByTime(5000);
    expect(out.writes.length).toBe(written);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("counts the delay from when the operation was sent, as the first report comes only after an interval", () => {
    const out = new FakeTerminal(true);
    const bar = terminalProgressBar({ output: out });
    operationStarted("sent-earlier");
    vi.advanceTimersByTime(2000);
    bar([stage(0, 2, 1)], 1, "sent-earlier", false);
    expect(out.screen).toContain("1/2 tasks, stages 0/1 done, 1 running, 2s");
    bar([stage(0, 2, 2)], 0, "sent-earlier", true);
    operationEnded("sent-earlier");
  });

  it("never draws a job that ends within the delay", () => {
    const out = new FakeTerminal(true);
    const bar = terminalProgressBar({ output: out });
    bar([stage(0, 2, 1)], 1, "op", false);
    vi.advanceTimersByTime(500);
    bar([stage(0, 2, 2)], 0, "op", true);
    expect(out.writes).toEqual([]);
  });

  it("writes nothing to a pipe unless forced", () => {
    const pipe = new FakeTerminal(false);
    const silent = terminalProgressBar({ output: pipe, delayMs: 0 });
    silent([stage(0, 2, 1)], 1, "op", false);
    expect(pipe.writes).toEqual([]);
    const forced = terminalProgressBar({ output: pipe, delayMs: 0, force: true });
    forced([stage(0, 2, 1)], 1, "op", false);
    expect(pipe.screen).toContain("1/2 tasks");
  });

  it("fits the line to the terminal width so it never wraps", () => {
    const out = new FakeTerminal(true, 60);
    const bar = terminalProgressBar({ output: out, delayMs: 0 });
    bar([stage(0, 200, 50, 3 * 1024 * 1024)], 8, "op", false);
    expect(out.screen.length).toBeLessThan(60);
    expect(out.screen.startsWith("25%")).toBe(true);
  });
});

describe("progress line", () => {
  it("names the bytes read when a stage reports them", () => {
    expect(progressLine([stage(0, 4, 4, 1536)], 0, 2500)).toBe(
      `[${"#".repeat(30)}] 100%, 4/4 tasks, stages 1/1 done, 0 running, 2s, 1.5 KiB read`,
    );
  });

  it("treats a terminal width of 0 (a pseudo-terminal without a size) as unknown", () => {
    expect(progressLine([stage(0, 2, 1)], 1, 0, 0)).toBe(progressLine([stage(0, 2, 1)], 1, 0));
  });

  it("shows an empty bar before any task is known", () => {
    expect(progressLine([], 0, 0)).toBe(`[${"-".repeat(30)}] 0%, 0/0 tasks, stages 0/0 done, 0 running, 0s`);
  });
});

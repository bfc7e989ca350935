/**
 * A one-line progress bar on the terminal, usable as a progress handler. It stays silent for short jobs (it
 * shows only once an operation has run for `delayMs`, counted from when it was sent), redraws in place with a carriage return, ticks the
 * elapsed time while tasks run, and wipes its line when the operation ends so the job's own output starts on
 * a clean line. Writes only to a TTY unless forced, so piped output and logs stay clean.
 */
import { operationStartTime } from "./operation-start-times.js";
import type { ProgressHandler, StageInfo } from "./stage-info.js";

export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

export interface TerminalProgressOptions {
  /** Where to draw; standard error by default. */
  readonly output?: ProgressOutput;
  /** Draw even when the output is not a terminal. */
  readonly force?: boolean;
  /** How long an operation runs before the bar appears (1000 ms by default). */
  readonly delayMs?: number;
  /** How often the elapsed time is redrawn while no report arrives (250 ms by default). */
  readonly redrawMs?: number;
}

interface Shown {
  readonly startedAt: number;
  stages: readonly StageInfo[];
  inflight: number;
  line: string;
  timer: ReturnType<typeof setInterval> | undefined;
}

const BAR_WIDTH = 30;

export function terminalProgressBar(options: TerminalProgressOptions = {}): ProgressHandler {
  const output = options.output ?? process.stderr;
  const enabled = options.force === true || output.isTTY === true;
  const delayMs = options.delayMs ?? 1000;
  const redrawMs = options.redrawMs ?? 250;
  const operations = new Map<string, Shown>();

  const draw = (shown: Shown): void => {
    const elapsed = Date.now() - shown.startedAt;
    if (elapsed < delayMs) return;
    const line = progressLine(shown.stages, shown.inflight, elapsed, output.columns);
    if (line === shown.line) return;
    output.write(`\r${line.padEnd(shown.line.length)}`);
    shown.line = line;
  };

  return (stages, inflightTasks, operationId, done) => {
    if (!enabled) return;
    const key = operationId ?? "";
    let shown = operations.get(key);
    if (done) {
      if (!shown) return;
      if (shown.timer) clearInterval(shown.timer);
      operations.delete(key);
      if (shown.line.length > 0) output.write(`\r${" ".repeat(shown.line.length)}\r`);
      return;
    }
    if (!shown) {
      shown = {
        startedAt: operationStartTime(operationId) ?? Date.now(),
        stages,
        inflight: inflightTasks,
        line: "",
        timer: undefined,
      };
      const current = shown;
      shown.timer = setInterval(() => draw(current), redrawMs);
      // The ticker alone must never keep a finished program alive.
      shown.timer.unref?.();
      operations.set(key, shown);
    }
    shown.stages = stages;
    shown.inflight = inflightTasks;
    draw(shown);
  };
}

/** `[#########-----] 60% 12/20 tasks, stage 2 of 3, 4 running, 3s, 1.5 MiB read` (shortened to fit). */
export function progressLine(
  stages: readonly StageInfo[],
  inflight: number,
  elapsedMs: number,
  terminalColumns?: number,
): string {
  // A pseudo-terminal without a size reports 0 columns: treat that as unknown.
  const columns = terminalColumns !== undefined && terminalColumns > 0 ? terminalColumns : undefined;
  const total = stages.reduce((sum, s) => sum + s.numTasks, 0);
  const completed = stages.reduce((sum, s) => sum + s.numCompletedTasks, 0);
  const bytes = stages.reduce((sum, s) => sum + s.numBytesRead, 0);
  const fraction = total > 0 ? Math.min(1, completed / total) : 0;
  const stagesDone = stages.filter((s) => s.done).length;
  const facts = [
    `${Math.floor(fraction * 100)}%`,
    `${completed}/${total} tasks`,
    `stages ${stagesDone}/${stages.length} done`,
    `${inflight} running`,
    `${Math.floor(elapsedMs / 1000)}s`,
    ...(bytes > 0 ? [`${byteText(bytes)} read`] : []),
  ].join(", ");
  const room = columns === undefined ? BAR_WIDTH : Math.min(BAR_WIDTH, columns - facts.length - 4);
  const width = Math.max(0, room);
  const filled = Math.round(fraction * width);
  const line = width > 0 ? `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${facts}` : facts;
  // Never wrap: a wrapped line cannot be redrawn in place.
  return columns === undefined ? line : line.slice(0, Math.max(0, columns - 1));
}

function byteText(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Progress of a running job as Spark's server reports it: the scheduler pushes snapshots as stages start and
 * tasks finish; every `spark.connect.progress.reportInterval` (2 s by default, negative disables) the newest one
 * is yielded, and a job that reported at all reports once more when it ends, so clients see it finish. A job
 * shorter than the interval reports nothing, as on Spark.
 */
import { ClientArgumentError } from "../../errors/index.js";
import type { JobProgressSnapshot } from "../scheduler/job-progress.js";
import type { SessionConfig } from "../session/session-config.js";

const REPORT_INTERVAL_KEY = "spark.connect.progress.reportInterval";
const DEFAULT_INTERVAL_MS = 2000;
const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** The session's report interval in milliseconds, or undefined when progress reports are turned off. */
export function reportIntervalMs(conf: SessionConfig): number | undefined {
  const text = conf.getOption(REPORT_INTERVAL_KEY);
  if (text === undefined) return DEFAULT_INTERVAL_MS;
  const match = /^\s*(-?\d+)\s*([a-z]*)\s*$/i.exec(text);
  const unit = UNIT_MS[(match?.[2] || "ms").toLowerCase()];
  if (!match || unit === undefined) {
    throw new ClientArgumentError(`${REPORT_INTERVAL_KEY} must be a duration such as 2s or 500ms, got "${text}".`, {
      errorClass: "INVALID_CONF_VALUE.TIME",
      messageParameters: { confName: REPORT_INTERVAL_KEY, confValue: text },
    });
  }
  const ms = Number(match[1]) * unit;
  return ms < 0 ? undefined : ms;
}

export class ProgressChannel {
  private latest: JobProgressSnapshot | undefined;

  constructor(private readonly intervalMs: number | undefined) {}

  readonly push = (snapshot: JobProgressSnapshot): void => {
    this.latest = snapshot;
  };

  /** Yields reports while `job` runs, then returns its value (or throws its error). */
  async *drain<T>(job: Promise<T>): AsyncGenerator<JobProgressSnapshot, T> {
    const settled = job.then(
      () => "settled" as const,
      () => "settled" as const,
    );
    let reported = false;
    if (this.intervalMs !== undefined) {
      for (;;) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const tick = new Promise<"tick">((resolve) => {
          timer = setTimeout(() => resolve("tick"), this.intervalMs);
        });
        const event = await Promise.race([settled, tick]);
        clearTimeout(timer);
        if (event === "settled") break;
        if (this.latest) {
          reported = true;
          yield this.latest;
        }
      }
    }
    const result = await job;
    if (reported && this.latest) yield this.latest;
    return result;
  }
}

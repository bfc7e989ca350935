/**
 * Sends ReleaseExecute for one operation in the background while its results are consumed. At most one release
 * is in flight; requests that arrive meanwhile collapse into the newest, so a fast stream does not turn into one
 * RPC per response. `release_all` is final: nothing is sent after it.
 */
export type ReleaseTarget = { readonly until: string } | "all";

export class ReleaseQueue {
  private pending: ReleaseTarget | undefined;
  private inFlight = false;
  private finished = false;

  /**
   * @param send one ReleaseExecute (with its own retries); failures are ignored because the server also drops
   *   abandoned operations by itself.
   * @param track registers the background promise so the owner can wait for it before closing.
   */
  constructor(
    private readonly send: (target: ReleaseTarget) => Promise<unknown>,
    private readonly track: (work: Promise<unknown>) => void,
  ) {}

  /** Responses up to and including `responseId` were consumed; the server may drop them. */
  releaseUntil(responseId: string): void {
    if (this.finished) return;
    this.pending = { until: responseId };
    this.pump();
  }

  /** The operation is over (complete, failed or abandoned); the server may drop all of it. */
  releaseAll(): void {
    if (this.finished) return;
    this.finished = true;
    this.pending = "all";
    this.pump();
  }

  private pump(): void {
    if (this.inFlight || this.pending === undefined) return;
    const target = this.pending;
    this.pending = undefined;
    this.inFlight = true;
    const work = this.send(target)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
    this.track(work);
  }
}

/**
 * A reduce task could not fetch a shuffle block because the executor holding it is gone (Spark's
 * FetchFailedException). It is internal: the scheduler does not retry the task as such but recomputes the lost
 * map outputs from lineage and then reruns the reduce tasks that still need them.
 */
export class FetchFailedError extends Error {
  constructor(
    readonly shuffleId: number,
    readonly executorId: string,
    reason: string,
  ) {
    super(`Failed to fetch shuffle ${shuffleId} blocks from executor ${executorId}: ${reason}`);
    this.name = "FetchFailedError";
  }
}

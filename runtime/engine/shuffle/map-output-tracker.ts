/**
 * The driver's view of every shuffle (Spark's MapOutputTracker): per map partition, the status of its finished
 * output, or nothing while it is missing. When an executor is lost its statuses are dropped, which is how the
 * scheduler knows which map tasks to run again from lineage.
 */
import type { MapStatus } from "./map-status.js";

interface ShuffleState {
  readonly numReducers: number;
  readonly statuses: (MapStatus | undefined)[];
}

/** Where one reduce partition's blocks are: per executor, the maps it holds that have rows for the partition. */
export interface BlockLocation {
  readonly executorId: string;
  readonly maps: readonly number[];
}

export class MapOutputTracker {
  private readonly shuffles = new Map<number, ShuffleState>();
  private readonly lostExecutors = new Set<string>();
  private nextId = 0;

  register(numMaps: number, numReducers: number): number {
    const id = this.nextId++;
    this.shuffles.set(id, { numReducers, statuses: new Array(numMaps).fill(undefined) });
    return id;
  }

  /** Records a finished map task; ignored if its executor was lost in the meantime (its output went with it). */
  registerMapOutput(shuffleId: number, map: number, status: MapStatus): void {
    const state = this.state(shuffleId);
    if (status.rows.length !== state.numReducers)
      throw new Error(`internal: shuffle ${shuffleId} expects ${state.numReducers} outputs`);
    if (!this.lostExecutors.has(status.executorId)) state.statuses[map] = status;
  }

  /** Map partitions whose output is not available (never run, or lost with their executor). */
  missingMaps(shuffleId: number): number[] {
    const missing: number[] = [];
    this.state(shuffleId).statuses.forEach((s, map) => {
      if (s === undefined) missing.push(map);
    });
    return missing;
  }

  statuses(shuffleId: number): readonly (MapStatus | undefined)[] {
    return this.state(shuffleId).statuses;
  }

  /** Undefined while some map output is missing (lost since the stage was planned). */
  locations(shuffleId: number, reducePartition: number): BlockLocation[] | undefined {
    const byExecutor = new Map<string, number[]>();
    for (const [map, status] of this.state(shuffleId).statuses.entries()) {
      if (status === undefined) return undefined;
      if ((status.rows[reducePartition] ?? 0) === 0) continue;
      const maps = byExecutor.get(status.executorId) ?? [];
      byExecutor.set(status.executorId, maps);
      maps.push(map);
    }
    return [...byExecutor].map(([executorId, maps]) => ({ executorId, maps }));
  }

  /** Forgets every map output the executor held; returns how many were lost. */
  executorLost(executorId: string): number {
    this.lostExecutors.add(executorId);
    let lost = 0;
    for (const state of this.shuffles.values()) {
      state.statuses.forEach((s, map) => {
        if (s?.executorId !== executorId) return;
        state.statuses[map] = undefined;
        lost++;
      });
    }
    return lost;
  }

  remove(shuffleId: number): void {
    this.shuffles.delete(shuffleId);
  }

  private state(shuffleId: number): ShuffleState {
    const state = this.shuffles.get(shuffleId);
    if (state === undefined) throw new Error(`internal: unknown shuffle ${shuffleId}`);
    return state;
  }
}

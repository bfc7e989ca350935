/**
 * Where map tasks leave their shuffle output until the reduce stage reads it: per shuffle, per map partition,
 * one block list per reduce partition. A shuffle is dropped once the query that made it finishes.
 */
import type { Batch } from "../columnar/column-vector.js";

interface ShuffleState {
  readonly numReducers: number;
  /** blocks[map][reduce] */
  readonly blocks: (Batch[][] | undefined)[];
}

export class ShuffleRegistry {
  private readonly shuffles = new Map<number, ShuffleState>();
  private nextId = 0;

  register(numMaps: number, numReducers: number): number {
    const id = this.nextId++;
    this.shuffles.set(id, { numReducers, blocks: new Array(numMaps).fill(undefined) });
    return id;
  }

  write(shuffleId: number, mapPartition: number, perReducer: Batch[][]): void {
    const state = this.state(shuffleId);
    if (perReducer.length !== state.numReducers)
      throw new Error(`internal: shuffle ${shuffleId} expects ${state.numReducers} outputs`);
    state.blocks[mapPartition] = perReducer;
  }

  /** Whether every map task of a shuffle has written (a lost map output means recompute from lineage). */
  isComplete(shuffleId: number): boolean {
    return this.state(shuffleId).blocks.every((b) => b !== undefined);
  }

  read(shuffleId: number, reducePartition: number): Batch[] {
    const state = this.state(shuffleId);
    const out: Batch[] = [];
    state.blocks.forEach((perReducer, map) => {
      if (perReducer === undefined) throw new Error(`internal: shuffle ${shuffleId} is missing map output ${map}`);
      for (const block of perReducer[reducePartition] ?? []) if (block.numRows > 0) out.push(block);
    });
    return out;
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

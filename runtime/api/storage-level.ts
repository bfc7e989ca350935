/**
 * Where and how a cached DataFrame is kept (`df.persist(StorageLevel.MEMORY_ONLY)`): on disk, in memory, off
 * heap, deserialized or not, and on how many executors. The constants are Spark's standard levels.
 */
import { create } from "@bufbuild/protobuf";
import {
  type StorageLevel as StorageLevelProto,
  StorageLevelSchema,
} from "../../generated/proto/spark/connect/common_pb.js";

export class StorageLevel {
  static readonly NONE = new StorageLevel(false, false, false, false);
  static readonly DISK_ONLY = new StorageLevel(true, false, false, false);
  static readonly DISK_ONLY_2 = new StorageLevel(true, false, false, false, 2);
  static readonly DISK_ONLY_3 = new StorageLevel(true, false, false, false, 3);
  static readonly MEMORY_ONLY = new StorageLevel(false, true, false, false);
  static readonly MEMORY_ONLY_2 = new StorageLevel(false, true, false, false, 2);
  static readonly MEMORY_AND_DISK = new StorageLevel(true, true, false, false);
  static readonly MEMORY_AND_DISK_2 = new StorageLevel(true, true, false, false, 2);
  static readonly OFF_HEAP = new StorageLevel(true, true, true, false, 1);
  /** The level `cache()` and `persist()` use by default. */
  static readonly MEMORY_AND_DISK_DESER = new StorageLevel(true, true, false, true);

  constructor(
    readonly useDisk: boolean,
    readonly useMemory: boolean,
    readonly useOffHeap: boolean,
    readonly deserialized: boolean,
    readonly replication = 1,
  ) {}

  static fromProto(level: StorageLevelProto): StorageLevel {
    return new StorageLevel(level.useDisk, level.useMemory, level.useOffHeap, level.deserialized, level.replication);
  }

  toProto(): StorageLevelProto {
    return create(StorageLevelSchema, {
      useDisk: this.useDisk,
      useMemory: this.useMemory,
      useOffHeap: this.useOffHeap,
      deserialized: this.deserialized,
      replication: this.replication,
    });
  }

  equals(other: StorageLevel): boolean {
    return (
      this.useDisk === other.useDisk &&
      this.useMemory === other.useMemory &&
      this.useOffHeap === other.useOffHeap &&
      this.deserialized === other.deserialized &&
      this.replication === other.replication
    );
  }

  /** As PySpark prints it, e.g. `Disk Memory Deserialized 1x Replicated`. */
  toString(): string {
    const parts = [this.useDisk ? "Disk " : "", this.useMemory ? "Memory " : "", this.useOffHeap ? "OffHeap " : ""];
    return `${parts.join("")}${this.deserialized ? "Deserialized " : "Serialized "}${this.replication}x Replicated`;
  }
}

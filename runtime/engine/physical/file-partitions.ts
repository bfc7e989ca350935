/**
 * How Spark groups the files of a scan into partitions (FilePartition.getFilePartitions): files sorted by size,
 * largest first (ties keep listing order), packed "next fit" into partitions of at most maxSplitBytes, each file
 * also costing spark.sql.files.openCostInBytes. maxSplitBytes is the total (sizes plus open costs) spread over
 * the default parallelism, kept between the open cost and spark.sql.files.maxPartitionBytes. Small files thus
 * share partitions, and the partition of each row (spark_partition_id, rand's stream) matches Spark's.
 * Known differences: Spark also cuts a file larger than maxSplitBytes into several splits, the engine reads such
 * a file whole; and files of equal size keep their listing order, which is the file system's directory order
 * for Spark and name order for the engine.
 */
import type { DataFile } from "../io/file-listing.js";

export interface FilePacking {
  readonly maxPartitionBytes: number;
  readonly openCostInBytes: number;
  readonly minPartitions: number;
}

export const DEFAULT_OPEN_COST_IN_BYTES = 4 * 1024 * 1024;

/** The file indices of each partition, in the order Spark reads them. */
export function packFiles(files: readonly DataFile[], packing: FilePacking): number[][] {
  const { maxPartitionBytes, openCostInBytes, minPartitions } = packing;
  const totalBytes = files.reduce((sum, f) => sum + f.size + openCostInBytes, 0);
  const bytesPerCore = Math.floor(totalBytes / Math.max(1, minPartitions));
  const maxSplitBytes = Math.min(maxPartitionBytes, Math.max(openCostInBytes, bytesPerCore));
  const bySize = files.map((f, i) => ({ size: f.size, i })).sort((a, b) => b.size - a.size || a.i - b.i);
  const partitions: number[][] = [];
  let current: number[] = [];
  let currentSize = 0;
  for (const file of bySize) {
    if (currentSize + file.size > maxSplitBytes && current.length > 0) {
      partitions.push(current);
      current = [];
      currentSize = 0;
    }
    currentSize += file.size + openCostInBytes;
    current.push(file.i);
  }
  if (current.length > 0) partitions.push(current);
  return partitions;
}

/** Row-set kernels over one hash-clustered partition: dropDuplicates and INTERSECT / EXCEPT [ALL]. */
import { type Batch, takeBatch } from "../columnar/column-vector.js";
import { GroupTable } from "./group-table.js";

/** Keeps the first row of every distinct key (rows of one key always share a partition). */
export function deduplicate(batch: Batch, keyPositions: readonly number[]): Batch {
  const keys = keyPositions.map((p) => batch.columns[p] as Batch["columns"][number]);
  const table = new GroupTable(
    keys.map((k) => k.type),
    Math.max(16, batch.numRows),
  );
  const groups = table.findOrInsert(keys, batch.numRows);
  const keep: number[] = [];
  let seen = 0;
  for (let i = 0; i < batch.numRows; i++) {
    if ((groups[i] as number) === seen) {
      keep.push(i);
      seen++;
    }
  }
  return takeBatch(batch, Int32Array.from(keep));
}

export function setOperation(op: "intersect" | "except", all: boolean, left: Batch, right: Batch): Batch {
  const table = new GroupTable(
    left.columns.map((c) => c.type),
    Math.max(16, left.numRows),
  );
  const leftGroups = table.findOrInsert(left.columns, left.numRows);
  const leftCount: number[] = [];
  const firstRow: number[] = [];
  for (let i = 0; i < left.numRows; i++) {
    const g = leftGroups[i] as number;
    if (leftCount[g] === undefined) firstRow[g] = i;
    leftCount[g] = (leftCount[g] ?? 0) + 1;
  }
  const rightCount: number[] = [];
  const rightGroups = table.find(right.columns, right.numRows);
  for (let i = 0; i < right.numRows; i++) {
    const g = rightGroups[i] as number;
    if (g >= 0) rightCount[g] = (rightCount[g] ?? 0) + 1;
  }
  const rows: number[] = [];
  for (let g = 0; g < leftCount.length; g++) {
    const l = leftCount[g] ?? 0;
    const r = rightCount[g] ?? 0;
    const copies =
      op === "intersect" ? (all ? Math.min(l, r) : r > 0 ? 1 : 0) : all ? Math.max(0, l - r) : r === 0 ? 1 : 0;
    for (let c = 0; c < copies; c++) rows.push(firstRow[g] as number);
  }
  return takeBatch(left, Int32Array.from(rows));
}

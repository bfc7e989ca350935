/**
 * Cuts local data into the pieces a `ChunkedCachedLocalRelation` is made of: each chunk is a complete Arrow IPC
 * stream of at most `maxRows` rows and (approximately) `maxBytes` bytes, so the server can read every chunk on its
 * own. Rows are taken in windows of up to 1024, as the Spark clients do, and a window's size is estimated from
 * its batch's buffer size rather than by serializing it (exact sizes would cost a second serialization).
 */
import { type Table, tableToIPC } from "apache-arrow";

/** Rows examined at a time; the chunk limits are checked between windows. */
const WINDOW_ROWS = 1024;

export interface ChunkLimits {
  readonly maxRows: number;
  readonly maxBytes: number;
}

/** The buffer bytes of the table's columns (what PyArrow calls `nbytes`), compared with the cache threshold. */
export function tableBytes(table: Table): number {
  return table.batches.reduce((sum, batch) => sum + batch.data.byteLength, 0);
}

/** The IPC streams of `table` in order; each holds at least one row, and together they hold every row once. */
export function* localRelationChunks(table: Table, limits: ChunkLimits): Generator<Uint8Array> {
  if (!(limits.maxRows >= 1) || !(limits.maxBytes >= 1)) throw new Error("chunk limits must be positive");
  const schemaBytes = tableToIPC(table.slice(0, 0), "stream").byteLength;
  const windowRows = Math.min(WINDOW_ROWS, limits.maxRows);
  let start = 0;
  let rows = 0;
  let bytes = schemaBytes;
  const flush = (): Uint8Array => {
    const chunk = tableToIPC(table.slice(start, start + rows), "stream");
    start += rows;
    rows = 0;
    bytes = schemaBytes;
    return chunk;
  };
  let batchStart = 0;
  for (const batch of table.batches) {
    const bytesPerRow = batch.numRows === 0 ? 0 : batch.data.byteLength / batch.numRows;
    for (let offset = 0; offset < batch.numRows; offset += windowRows) {
      const windowSize = Math.min(windowRows, batch.numRows - offset);
      const windowBytes = windowSize * bytesPerRow;
      if (rows > 0 && (bytes + windowBytes > limits.maxBytes || rows + windowSize > limits.maxRows)) yield flush();
      rows += windowSize;
      bytes += windowBytes;
    }
    batchStart += batch.numRows;
  }
  if (rows > 0 || batchStart === 0) yield flush();
}

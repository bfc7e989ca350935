/**
 * apache-arrow's IPC writer (21.x) writes a broken stream when two buffers of one record batch are the very same
 * bytes (same ArrayBuffer, offset and length): the message header counts both, the body holds one, and readers
 * (Spark's included) fail with "Unexpected end of input". A table built with one vector in two columns
 * (`new Table({ a: v, b: v })`) is enough. Copying every repeated buffer before writing avoids it.
 */
import { type Data, RecordBatch, Table } from "apache-arrow";

type AnyBuffer = ArrayBufferView | undefined;

/** `table` with no buffer shared between columns of a batch; the same table when none is. */
export function withDistinctBuffers(table: Table): Table {
  let changed = false;
  const batches = table.batches.map((batch) => {
    const seen = new Map<ArrayBufferLike, Set<string>>();
    const data = distinct(batch.data, seen);
    if (data === batch.data) return batch;
    changed = true;
    return new RecordBatch(batch.schema, data);
  });
  return changed ? new Table(table.schema, batches) : table;
}

function distinct<T extends Data>(data: T, seen: Map<ArrayBufferLike, Set<string>>): T {
  const own = data.buffers;
  const buffers: AnyBuffer[] = [own[0], own[1], own[2], own[3]];
  const ownBuffers = buffers.map((buffer) => (isRepeat(buffer, seen) ? copyOf(buffer) : buffer));
  const children = data.children.map((child) => distinct(child, seen));
  const unchanged =
    ownBuffers.every((buffer, i) => buffer === buffers[i]) && children.every((child, i) => child === data.children[i]);
  if (unchanged) return data;
  return data.clone(
    data.type,
    data.offset,
    data.length,
    data.nullCount,
    ownBuffers as unknown as T["buffers"],
    children,
  ) as T;
}

/** Records the buffer's bytes as seen; true if they were seen before. Empty buffers never count. */
function isRepeat(buffer: AnyBuffer, seen: Map<ArrayBufferLike, Set<string>>): boolean {
  if (buffer === undefined || buffer.byteLength === 0) return false;
  const range = `${buffer.byteOffset}:${buffer.byteLength}`;
  let ranges = seen.get(buffer.buffer);
  if (ranges === undefined) {
    ranges = new Set();
    seen.set(buffer.buffer, ranges);
  }
  if (ranges.has(range)) return true;
  ranges.add(range);
  return false;
}

function copyOf(buffer: AnyBuffer): AnyBuffer {
  if (buffer === undefined) return undefined;
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  const Kind = buffer.constructor as new (buffer: ArrayBuffer) => ArrayBufferView;
  return new Kind(copy.buffer);
}

/**
 * A LocalRelation's `data` is an Arrow IPC stream, and pyarrow and arrow-js write the same batch to different
 * bytes (buffer padding, metadata layout). Plans are compared with that stream decoded into its schema and rows,
 * so two plans match when they carry the same data, whichever Arrow writer encoded it.
 */
import { tableFromIPC } from "apache-arrow";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A decoded Arrow value as JSON: longs as strings tagged `$long`, nested rows and lists as plain values. */
function plainValue(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return { $long: value.toString() };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Uint8Array) return { $bytes: [...value] };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (typeof value !== "object") return String(value);
  // arrow-js struct rows iterate as [key, value] pairs: their JSON form is the record.
  if (value.constructor?.name === "StructRow" && "toJSON" in value && typeof value.toJSON === "function")
    return plainValue(value.toJSON());
  if (Symbol.iterator in value) return [...(value as Iterable<unknown>)].map(plainValue);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainValue(inner)]));
}

/** The schema and rows of a base64 Arrow IPC stream. */
function decodedArrowStream(base64: string): Json {
  const table = tableFromIPC(Buffer.from(base64, "base64"));
  return {
    schema: table.schema.fields.map((field) => ({
      name: field.name,
      type: String(field.type),
      nullable: field.nullable,
    })),
    rows: table.toArray().map((row) => plainValue(row)),
  };
}

/** The plan JSON with every `localRelation.data` stream replaced by its decoded schema and rows. */
export function withDecodedLocalData<T>(plan: T): T {
  const walk = (value: Json, parent?: string): Json => {
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (value === null || typeof value !== "object") return value;
    const out: { [key: string]: Json } = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] =
        parent === "localRelation" && key === "data" && typeof child === "string"
          ? decodedArrowStream(child)
          : walk(child, key);
    }
    return out;
  };
  return walk(plan as Json) as T;
}

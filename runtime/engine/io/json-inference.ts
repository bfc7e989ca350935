/**
 * The schema of the `json` source: Spark's JSON inference (`functions/json-schema-inference.ts`) merged over
 * every record, then made concrete: fields only ever null become string, structs left without fields disappear,
 * and a `_corrupt_record` column joins in PERMISSIVE mode when some record was unreadable.
 */
import type { FieldSpec } from "../columnar/arrow-io.js";
import { type Inferred, inferJson, mergeInferred, sortedFieldNames } from "../functions/json-schema-inference.js";
import * as T from "../types/data-types.js";
import { arrayType } from "../types/nested-types.js";
import type { JsonRecord, JsonSettings } from "./json-reader.js";

export function inferJsonFields(records: readonly JsonRecord[], settings: JsonSettings): FieldSpec[] {
  let root: Inferred = { kind: "struct", fields: new Map() };
  let corrupt = false;
  for (const record of records) {
    if ("corrupt" in record) corrupt = true;
    else root = mergeInferred(root, inferJson(record.object, settings));
  }
  const fields = root.kind === "struct" ? structFields(root.fields) : [];
  if (corrupt && settings.mode === "PERMISSIVE" && !fields.some((f) => f.name === settings.corruptColumn)) {
    fields.push({ name: settings.corruptColumn, type: T.STRING, nullable: true });
    fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  return fields;
}

function structFields(inferred: ReadonlyMap<string, Inferred>): FieldSpec[] {
  const fields: FieldSpec[] = [];
  for (const name of sortedFieldNames(inferred)) {
    const type = concrete(inferred.get(name) ?? { kind: "null" });
    if (type !== undefined) fields.push({ name, type, nullable: true });
  }
  return fields;
}

/** The Spark type of an inferred one; undefined for a struct that ends up with no fields (Spark drops it). */
function concrete(inferred: Inferred): T.DataType | undefined {
  switch (inferred.kind) {
    case "long":
      return T.LONG;
    case "double":
      return T.DOUBLE;
    case "boolean":
      return T.BOOLEAN;
    case "decimal":
      return T.decimalType(inferred.precision, inferred.scale);
    case "array": {
      const element = concrete(inferred.element);
      return element === undefined ? undefined : arrayType(element, true);
    }
    case "struct": {
      const fields = structFields(inferred.fields);
      return fields.length === 0 ? undefined : T.structType(fields);
    }
    default:
      return T.STRING;
  }
}

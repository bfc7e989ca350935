/**
 * What the engine's SQL statements share: an answer of a few rows (SHOW, DESCRIBE) as a local relation, and
 * Spark's error for a table or view that is not there, named as the statement wrote it.
 */
import { create } from "@bufbuild/protobuf";
import { type Relation, RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { batchToArrowIpc, type FieldSpec } from "../columnar/arrow-io.js";
import { columnFromScalars, type Scalar } from "../columnar/column-vector.js";
import { quoteId, sparkError } from "../errors.js";

export function rowsRelation(fields: readonly FieldSpec[], rows: readonly (readonly Scalar[])[]): Relation {
  const columns = fields.map((f, i) =>
    columnFromScalars(
      f.type,
      rows.map((r) => r[i] ?? null),
    ),
  );
  const data = batchToArrowIpc({ columns, numRows: rows.length }, fields, "UTC");
  return create(RelationSchema, { relType: { case: "localRelation", value: { data } } });
}

export function relationNotFound(name: readonly string[]): Error {
  const relationName = name.map((p) => quoteId(p)).join(".");
  return sparkError(
    AnalysisException,
    "TABLE_OR_VIEW_NOT_FOUND",
    "42P01",
    `The table or view ${relationName} cannot be found.`,
    { relationName },
  );
}

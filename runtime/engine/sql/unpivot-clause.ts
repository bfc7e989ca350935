/**
 * SQL's `UNPIVOT [INCLUDE | EXCLUDE NULLS] (value FOR name IN (column [AS alias], ...))` after the FROM clause.
 * Every column not unpivoted is kept as an id column, which only the analyzer can list: the Unpivot travels in
 * an extension relation that says so (IMPLICIT_IDS_UNPIVOT). Rows whose value is NULL are dropped unless
 * INCLUDE NULLS is given, as in Spark.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { type Relation, UnpivotSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { IMPLICIT_IDS_UNPIVOT } from "../extension-relations.js";
import { alias, attribute, fn } from "./expression-builders.js";
import { unsupportedSql } from "./parse-error.js";
import type { ParserState } from "./parser-state.js";
import { filter, relation } from "./relation-builders.js";
import { isImplicitAlias } from "./select-parser.js";

export function parseUnpivotClause(state: ParserState, input: Relation): Relation {
  const { stream } = state;
  stream.expectKeyword("UNPIVOT");
  const includeNulls = stream.matchKeywords("INCLUDE", "NULLS");
  if (!includeNulls) stream.matchKeywords("EXCLUDE", "NULLS");
  stream.expectOp("(");
  if (stream.isOp("(")) throw unsupportedSql(state.sql, stream.peek(), "UNPIVOT into several value columns");
  const valueColumnName = stream.identifier();
  stream.expectKeyword("FOR");
  const variableColumnName = stream.identifier();
  stream.expectKeyword("IN");
  const values = stream.parenthesizedList(() => {
    const column = attribute(stream.multipartIdentifier());
    const named = stream.matchKeywords("AS") || isImplicitAlias(stream);
    return named ? alias(column, [stream.identifier()]) : column;
  });
  stream.expectOp(")");
  const unpivot = create(UnpivotSchema, { input, ids: [], values: { values }, variableColumnName, valueColumnName });
  const extension = create(AnySchema, { typeUrl: IMPLICIT_IDS_UNPIVOT, value: toBinary(UnpivotSchema, unpivot) });
  const unpivoted = relation({ case: "extension", value: extension });
  return includeNulls ? unpivoted : filter(unpivoted, fn("isnotnull", [attribute([valueColumnName])]));
}

/**
 * SQL's `PIVOT (agg [AS name], ... FOR column IN (value [AS name], ...))` after the FROM clause. Its grouping
 * columns are implicit (every input column that is neither the pivot column nor read by an aggregate), which
 * only the analyzer can know: the Aggregate travels inside an extension relation that says so
 * (IMPLICIT_GROUPING_PIVOT), and aliased values rename their columns on top of it.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import type { Expression, Expression_Literal } from "../../../generated/proto/spark/connect/expressions_pb.js";
import {
  Aggregate_GroupType,
  AggregateSchema,
  type Relation,
} from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { sparkError } from "../errors.js";
import { IMPLICIT_GROUPING_PIVOT } from "../extension-relations.js";
import { attribute } from "./expression-builders.js";
import { parseExpression } from "./expression-parser.js";
import { invalidSql, unsupportedSql } from "./parse-error.js";
import type { ParserState } from "./parser-state.js";
import { relation } from "./relation-builders.js";
import { isImplicitAlias, parseNamedExpression } from "./select-parser.js";

interface PivotValue {
  readonly literal: Expression_Literal;
  readonly alias: string | undefined;
}

export function parsePivotClause(state: ParserState, input: Relation): Relation {
  const { stream } = state;
  const start = stream.peek();
  stream.expectKeyword("PIVOT");
  stream.expectOp("(");
  const aggregates = stream.commaList(() => parseNamedExpression(state));
  stream.expectKeyword("FOR");
  if (stream.isOp("(")) throw unsupportedSql(state.sql, stream.peek(), "PIVOT over several columns");
  const column = attribute(stream.multipartIdentifier());
  stream.expectKeyword("IN");
  const values = stream.parenthesizedList(() => parsePivotValue(state));
  stream.expectOp(")");
  const aggregate = create(AggregateSchema, {
    input,
    groupType: Aggregate_GroupType.PIVOT,
    groupingExpressions: [],
    aggregateExpressions: aggregates,
    pivot: { col: column, values: values.map((v) => v.literal) },
  });
  const extension = create(AnySchema, {
    typeUrl: IMPLICIT_GROUPING_PIVOT,
    value: toBinary(AggregateSchema, aggregate),
  });
  const pivoted = relation({ case: "extension", value: extension });
  const renames = values.flatMap((value) => renamesFor(state, start, value, aggregates));
  return renames.length === 0 ? pivoted : relation({ case: "withColumnsRenamed", value: { input: pivoted, renames } });
}

function parsePivotValue(state: ParserState): PivotValue {
  const { stream } = state;
  const at = stream.peek();
  const value = parseExpression(state);
  if (value.exprType.case !== "literal") {
    const text = state.sql.slice(at.start, stream.previous().end);
    throw sparkError(
      AnalysisException,
      "NON_LITERAL_PIVOT_VALUES",
      "42K08",
      `Literal expressions required for pivot values, found "${text}".`,
      { expression: `"${text}"` },
    );
  }
  let alias: string | undefined;
  if (stream.matchKeywords("AS") || isImplicitAlias(stream)) alias = stream.identifier();
  return { literal: value.exprType.value, alias };
}

/**
 * The renames an aliased value needs: its column (one aggregate) or columns (`<value>_<aggregate name>`) take
 * the alias in place of the value's text.
 */
function renamesFor(
  state: ParserState,
  at: Parameters<typeof unsupportedSql>[1],
  value: PivotValue,
  aggregates: readonly Expression[],
): { colName: string; newColName: string }[] {
  if (value.alias === undefined) return [];
  const shown = literalText(value.literal);
  if (shown === undefined) throw unsupportedSql(state.sql, at, "an alias on a PIVOT value of this type");
  if (aggregates.length === 1) return [{ colName: shown, newColName: value.alias }];
  return aggregates.map((aggregate) => {
    if (aggregate.exprType.case !== "alias") {
      throw invalidSql(
        state.sql,
        at,
        "UNSUPPORTED_FEATURE.SQL_SYNTAX",
        "0A000",
        "The feature is not supported: aliased PIVOT values with unnamed aggregates in the embedded engine's SQL front end (name each aggregate with AS).",
        { feature: "aliased PIVOT values with unnamed aggregates" },
      );
    }
    const name = aggregate.exprType.value.name.join(".");
    return { colName: `${shown}_${name}`, newColName: `${value.alias}_${name}` };
  });
}

/** How the analyzer names a pivot value's column, for the literal kinds an alias may rename. */
function literalText(literal: Expression_Literal): string | undefined {
  const value = literal.literalType;
  switch (value.case) {
    case "string":
    case "integer":
    case "short":
    case "byte":
    case "boolean":
      return String(value.value);
    case "long":
      return value.value.toString();
    default:
      return undefined;
  }
}

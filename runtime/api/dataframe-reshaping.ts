/**
 * Reshaping and re-laying-out a DataFrame: regex column selection, range and id partitioning, schema
 * reconciliation (`to`), column metadata, transposition, and the streaming watermark operations (which only
 * build plans here; running them needs a streaming source). DataFrame builds on this class.
 */
import { create } from "@bufbuild/protobuf";
import { type Expression, ExpressionSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import { dataTypeToProto, StructType } from "../types/index.js";
import { badValue, wrongType } from "./argument-checks.js";
import { Column, requireString } from "./column.js";
import { type ColumnOrName, columnOrName } from "./column-names.js";
import type { DataFrame } from "./dataframe.js";
import { DataFrameStatistics } from "./dataframe-statistics.js";

export abstract class DataFrameReshaping extends DataFrameStatistics {
  /** A DataFrame of this session over `relation` whose schema is known to be `schema` without asking. */
  abstract withKnownSchema(relation: Relation, schema: StructType): DataFrame;

  /** The columns of this DataFrame whose names match a regex, given in back-quotes: ``df.colRegex("`(id)?+.+`")``. */
  colRegex(colName: string): Column {
    requireString(colName, "colName");
    return new Column(
      create(ExpressionSchema, {
        exprType: { case: "unresolvedRegex", value: { colName, planId: this.planId } },
      }),
    );
  }

  /**
   * Range-partitions the rows by the columns (ascending unless a Column says otherwise), into
   * `numPartitions` partitions when given first.
   */
  repartitionByRange(numPartitions: number | ColumnOrName, ...cols: ColumnOrName[]): DataFrame {
    if (typeof numPartitions === "number") {
      if (!Number.isInteger(numPartitions))
        throw wrongType(
          "NOT_COLUMN_OR_INT_OR_STR",
          "numPartitions",
          numPartitions,
          "an integer, a Column or a column name",
        );
      if (!(numPartitions > 0))
        throw badValue("VALUE_NOT_POSITIVE", "numPartitions", numPartitions, "must be positive");
      if (cols.length === 0) {
        throw new ClientArgumentError("repartitionByRange needs at least one column.", {
          errorClass: "CANNOT_BE_EMPTY",
          messageParameters: { item: "cols" },
        });
      }
      return this.withSameSchema(
        this.sparkSession.plans.repartitionByExpression(this.relation, sortColumns(cols), numPartitions),
      );
    }
    if (typeof numPartitions !== "string" && !(numPartitions instanceof Column)) {
      throw wrongType(
        "NOT_COLUMN_OR_INT_OR_STR",
        "numPartitions",
        numPartitions,
        "an integer, a Column or a column name",
      );
    }
    return this.withSameSchema(
      this.sparkSession.plans.repartitionByExpression(this.relation, sortColumns([numPartitions, ...cols])),
    );
  }

  /** Sends each row to the partition whose id `partitionIdCol` gives (taken modulo `numPartitions`). */
  repartitionById(numPartitions: number, partitionIdCol: ColumnOrName): DataFrame {
    if (typeof numPartitions !== "number" || !Number.isInteger(numPartitions)) {
      throw wrongType("NOT_INT", "numPartitions", numPartitions, "an integer");
    }
    if (numPartitions <= 0) throw badValue("VALUE_NOT_POSITIVE", "numPartitions", numPartitions, "must be positive");
    const child = columnOrName(partitionIdCol, "partitionIdCol").expr;
    const direct = create(ExpressionSchema, { exprType: { case: "directShufflePartitionId", value: { child } } });
    return this.withSameSchema(this.sparkSession.plans.repartitionByExpression(this.relation, [direct], numPartitions));
  }

  /** Marks `eventTime` as the event-time column of a stream, late by at most `delayThreshold` (e.g. "10 minutes"). */
  withWatermark(eventTime: string, delayThreshold: string): DataFrame {
    if (typeof eventTime !== "string" || eventTime === "")
      throw wrongType("NOT_STR", "eventTime", eventTime, "a non-empty string");
    if (typeof delayThreshold !== "string" || delayThreshold === "") {
      throw wrongType("NOT_STR", "delayThreshold", delayThreshold, "a non-empty string");
    }
    return this.withSameSchema(this.sparkSession.plans.withWatermark(this.relation, eventTime, delayThreshold));
  }

  /** Streaming deduplication (on `subset` when given) that forgets rows once they are past the watermark. */
  dropDuplicatesWithinWatermark(subset?: readonly string[] | null): DataFrame {
    if (subset === undefined || subset === null) {
      return this.withRelation(this.sparkSession.plans.deduplicateWithinWatermark(this.relation));
    }
    if (!Array.isArray(subset)) throw wrongType("NOT_LIST_OR_TUPLE", "subset", subset, "an array of column names");
    for (const name of subset) {
      if (typeof name !== "string") throw wrongType("NOT_STR", "subset", name, "a column name");
    }
    return this.withRelation(this.sparkSession.plans.deduplicateWithinWatermark(this.relation, subset));
  }

  /** Replaces the metadata of column `columnName` (a JSON-able object). */
  withMetadata(columnName: string, metadata: Readonly<Record<string, unknown>>): DataFrame {
    if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
      throw wrongType("NOT_DICT", "metadata", metadata, "an object");
    }
    requireString(columnName, "columnName");
    const column = this.columnOfThis(columnName);
    return this.withRelation(
      this.sparkSession.plans.withColumnMetadata(this.relation, columnName, column, pythonJson(metadata)),
    );
  }

  /**
   * This DataFrame in `schema`'s shape: columns matched by name and put in its order, cast to its types (when
   * safe), missing nullable ones an error, extra ones dropped.
   */
  to(schema: StructType): DataFrame {
    if (!(schema instanceof StructType)) throw wrongType("NOT_STRUCT", "schema", schema, "a StructType");
    // As in PySpark, the DataFrame's schema is the one asked for (the server may report stricter nullability).
    return this.withKnownSchema(this.sparkSession.plans.toSchema(this.relation, dataTypeToProto(schema)), schema);
  }

  /** Rows become columns: the values of `indexColumn` (the first column by default) name the new columns. */
  transpose(indexColumn?: ColumnOrName | null): DataFrame {
    const index =
      indexColumn === undefined || indexColumn === null ? [] : [columnOrName(indexColumn, "indexColumn").expr];
    return this.withRelation(this.sparkSession.plans.transpose(this.relation, index));
  }

  /** `df[name]`: a column of this DataFrame, bound to its plan. */
  private columnOfThis(name: string): Expression {
    return create(ExpressionSchema, {
      exprType: {
        case: "unresolvedAttribute",
        value: { unparsedIdentifier: name, planId: this.planId, isMetadataColumn: false },
      },
    });
  }
}

/** Sort orders as PySpark's repartitionByRange takes them: names and plain Columns ascending. */
function sortColumns(cols: readonly ColumnOrName[]): Expression[] {
  return cols.map((c) => {
    const column = columnOrName(c, "cols");
    return column.expr.exprType.case === "sortOrder" ? column.expr : column.asc().expr;
  });
}

/**
 * JSON text as Python's `json.dumps` writes it (`", "` and `": "` separators, non-ASCII escaped), so the plan
 * carries the same metadata string PySpark sends.
 */
function pythonJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") throw new ClientArgumentError(`metadata cannot hold a bigint (${describeType(v)}).`);
    return v;
  });
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      if (ch === "\\") {
        out += ch + (text[i + 1] ?? "");
        i++;
        continue;
      }
      if (ch === '"') inString = false;
      const code = ch.charCodeAt(0);
      out += code > 0x7f ? `\\u${code.toString(16).padStart(4, "0")}` : ch;
      continue;
    }
    if (ch === '"') inString = true;
    out += ch === "," ? ", " : ch === ":" ? ": " : ch;
  }
  return out;
}

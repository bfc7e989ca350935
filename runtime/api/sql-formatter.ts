/**
 * `spark.sql(query, args, kwargs)` with `{name}` placeholders filled from `kwargs`, as PySpark formats them: a
 * DataFrame becomes a temporary view name (sent along with the query), a plain column reference its name, a
 * string a quoted SQL literal, anything else its text. `{{` and `}}` stand for literal braces.
 */
import { randomUUID } from "node:crypto";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { Column } from "./column.js";
import { DataFrameActions } from "./dataframe-actions.js";

export interface FormattedSql {
  readonly query: string;
  /** DataFrames referenced by the query, each under the view name put into the text. */
  readonly views: ReadonlyArray<{ readonly name: string; readonly relation: Relation }>;
}

/** Spark's SQL text for a string literal. */
export function sqlStringLiteral(value: string): string {
  return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

export function formatSql(template: string, kwargs: Readonly<Record<string, unknown>>): FormattedSql {
  const views: Array<{ name: string; relation: Relation; source: DataFrameActions }> = [];
  const render = (field: string): string => {
    if (!Object.hasOwn(kwargs, field)) {
      throw new ClientArgumentError(`The SQL text refers to {${field}}, which is not among the keyword arguments.`, {
        errorClass: "MISSING_SQL_ARGUMENT",
      });
    }
    const value = kwargs[field];
    if (value instanceof DataFrameActions) {
      const known = views.find((view) => view.source === value);
      if (known !== undefined) return known.name;
      const name = `_pyspark_connect_temp_view_${randomUUID().replaceAll("-", "")}`;
      views.push({ name, relation: value.relation, source: value });
      return name;
    }
    if (value instanceof Column) {
      if (value.expr.exprType.case !== "unresolvedAttribute") {
        throw new ClientArgumentError(`{${field}} must be a plain column reference such as col("name").`);
      }
      return value.expr.exprType.value.unparsedIdentifier;
    }
    if (typeof value === "string") return sqlStringLiteral(value);
    return String(value);
  };
  let query = "";
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    const next = template[i + 1];
    if ((ch === "{" && next === "{") || (ch === "}" && next === "}")) {
      query += ch;
      i += 2;
    } else if (ch === "{") {
      const end = template.indexOf("}", i);
      const field = end < 0 ? "" : template.slice(i + 1, end);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) {
        throw new ClientArgumentError(
          `Unsupported placeholder in SQL text at position ${i}: use {name} or {{ for a brace.`,
          {
            errorClass: "INVALID_SQL_PLACEHOLDER",
          },
        );
      }
      query += render(field);
      i = end + 1;
    } else if (ch === "}") {
      throw new ClientArgumentError(`A single "}" at position ${i} of the SQL text: use }} for a literal brace.`, {
        errorClass: "INVALID_SQL_PLACEHOLDER",
      });
    } else {
      query += ch;
      i += 1;
    }
  }
  return { query, views: views.map(({ name, relation }) => ({ name, relation })) };
}

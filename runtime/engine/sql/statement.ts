/**
 * What `parseSql` returns: a query (a Connect `Relation`) or one of the commands the embedded engine runs
 * itself. Names are kept as their parts (`["db", "t"]`), already unquoted.
 */
import type { Expression } from "../../../generated/proto/spark/connect/expressions_pb.js";
import type { Relation } from "../../../generated/proto/spark/connect/relations_pb.js";
import type { DataType } from "../../../generated/proto/spark/connect/types_pb.js";

export type NameParts = readonly string[];

export interface ColumnDefinition {
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
  readonly comment?: string;
}

export type ExplainMode = "simple" | "extended" | "codegen" | "cost" | "formatted";

export type SqlStatement =
  | { readonly kind: "query"; readonly relation: Relation }
  | {
      readonly kind: "createView";
      readonly name: NameParts;
      readonly replace: boolean;
      /** TEMP/TEMPORARY views live in the session; GLOBAL TEMP views in `global_temp`. */
      readonly temporary: boolean;
      readonly global: boolean;
      readonly ifNotExists: boolean;
      readonly columns: readonly { readonly name: string; readonly comment?: string }[];
      readonly comment?: string;
      readonly properties: Readonly<Record<string, string>>;
      readonly query: Relation;
      /** The view's SQL text as written, which Spark keeps as the view definition. */
      readonly queryText: string;
    }
  | { readonly kind: "dropView"; readonly name: NameParts; readonly ifExists: boolean }
  | { readonly kind: "dropTable"; readonly name: NameParts; readonly ifExists: boolean; readonly purge: boolean }
  | {
      readonly kind: "createTable";
      readonly name: NameParts;
      readonly replace: boolean;
      readonly ifNotExists: boolean;
      readonly external: boolean;
      /** Declared columns; absent for `CREATE TABLE t USING x AS SELECT ...` and for schema-less sources. */
      readonly columns?: readonly ColumnDefinition[];
      readonly provider?: string;
      readonly options: Readonly<Record<string, string>>;
      readonly partitionBy: readonly string[];
      readonly location?: string;
      readonly comment?: string;
      readonly properties: Readonly<Record<string, string>>;
      readonly query?: Relation;
    }
  | {
      readonly kind: "insert";
      readonly table: NameParts;
      readonly overwrite: boolean;
      readonly ifNotExists: boolean;
      readonly columns?: readonly string[];
      /** Static (`p = 1`) or dynamic (`p`) partition values. */
      readonly partition?: Readonly<Record<string, Expression | null>>;
      readonly query: Relation;
    }
  | { readonly kind: "showTables"; readonly namespace?: NameParts; readonly pattern?: string }
  | { readonly kind: "showDatabases"; readonly pattern?: string }
  | {
      readonly kind: "showFunctions";
      readonly scope: "user" | "system" | "all";
      readonly namespace?: NameParts;
      readonly pattern?: string;
    }
  | { readonly kind: "showColumns"; readonly table: NameParts }
  | { readonly kind: "showTblProperties"; readonly table: NameParts; readonly key?: string }
  | {
      readonly kind: "describeTable";
      readonly table: NameParts;
      readonly extended: boolean;
      readonly column?: NameParts;
    }
  | { readonly kind: "describeQuery"; readonly query: Relation }
  /** `SET` lists, `SET k` shows one key, `SET k=v` sets, `SET -v` lists with docs. */
  | { readonly kind: "set"; readonly key?: string; readonly value?: string; readonly verbose: boolean }
  | { readonly kind: "reset"; readonly key?: string }
  | { readonly kind: "use"; readonly namespace: NameParts }
  | {
      readonly kind: "createDatabase";
      readonly name: NameParts;
      readonly ifNotExists: boolean;
      readonly comment?: string;
      readonly location?: string;
      readonly properties: Readonly<Record<string, string>>;
    }
  | { readonly kind: "dropDatabase"; readonly name: NameParts; readonly ifExists: boolean; readonly cascade: boolean }
  | {
      readonly kind: "cacheTable";
      readonly table: NameParts;
      readonly lazy: boolean;
      readonly options: Readonly<Record<string, string>>;
      readonly query?: Relation;
    }
  | { readonly kind: "uncacheTable"; readonly table: NameParts; readonly ifExists: boolean }
  | { readonly kind: "clearCache" }
  | { readonly kind: "explain"; readonly mode: ExplainMode; readonly statement: SqlStatement };

export type SqlStatementKind = SqlStatement["kind"];

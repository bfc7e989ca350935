/**
 * Commands the engine runs itself: `spark.sql(...)` (answered with the relation to run, as Spark does for
 * queries), temporary and global temporary views, and writes to paths and managed tables. Anything else
 * (MERGE INTO among them) is named in an UnsupportedOperationException.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import type { ExecutePlanResponseSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { Command } from "../../../generated/proto/spark/connect/commands_pb.js";
import { RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { sqlParametersOf } from "../analyzer/sql-parameters.js";
import { concatBatches } from "../columnar/column-vector.js";
import { notSupportedLocally } from "../errors.js";
import { runWriteOperation } from "../io/write-operation.js";
import type { QueryEngine } from "../query-engine.js";
import type { SessionCatalog } from "../session/session-catalog.js";
import { parseSqlStatement, runSqlStatement } from "../session/sql-front-end.js";
import { runTableWrite, runTableWriteV2 } from "./table-command.js";
import { runTableStatement } from "./table-statements.js";

type ResponseBody = Pick<MessageInitShape<typeof ExecutePlanResponseSchema>, "responseType">;

export async function runCommand(
  command: Command,
  engine: QueryEngine,
  catalog: SessionCatalog,
): Promise<ResponseBody[]> {
  const c = command.commandType;
  switch (c.case) {
    case "sqlCommand": {
      const { input, sql, args, posArgs, namedArguments, posArguments } = c.value;
      const relation =
        input ??
        create(RelationSchema, {
          relType: { case: "sql", value: { query: sql, args, posArgs, namedArguments, posArguments } },
        });
      if (relation.relType.case !== "sql") return [{ responseType: { case: "sqlCommandResult", value: { relation } } }];
      // Queries come back as they are (the client runs them); commands run now and answer with no rows.
      const statement = parseSqlStatement(relation.relType.value.query, sqlParametersOf(relation.relType.value));
      const handled = await runTableStatement(statement, engine, catalog);
      const query =
        handled === "notTableStatement" ? runSqlStatement(statement, catalog, (q) => engine.analyze(q)) : handled;
      // A query answers with itself; a command with its rows (SHOW ...) or with none.
      const answer =
        query === null
          ? create(RelationSchema, { relType: { case: "localRelation", value: { schema: "" } } })
          : handled === "notTableStatement"
            ? relation
            : query;
      return [{ responseType: { case: "sqlCommandResult", value: { relation: answer } } }];
    }
    case "createDataframeView": {
      const { input, name, isGlobal, replace } = c.value;
      if (input === undefined) throw new AnalysisException("createOrReplaceTempView needs an input relation.");
      engine.analyze(input);
      (isGlobal ? catalog.globalViews : catalog.tempViews).create(name, input, replace);
      return [];
    }
    case "writeOperation":
      if (c.value.saveType.case === "table") await runTableWrite(c.value, engine, catalog);
      else await runWriteOperation(c.value, (relation) => engine.execute(relation), engine.conf.timeZone);
      return [];
    case "writeOperationV2":
      await runTableWriteV2(c.value, engine, catalog);
      return [];
    case "checkpointCommand": {
      const { relation } = c.value;
      if (relation === undefined) throw new AnalysisException("checkpoint needs an input relation.");
      // Materialised now even when not eager: the rows read back are the same, computed once.
      const result = await engine.execute(relation);
      const types = result.output.map((a) => a.type);
      const relationId = engine.checkpoints.add({
        fields: result.output.map((a) => ({ name: a.name, type: a.type, nullable: a.nullable })),
        partitions: result.partitions.map((batches) => concatBatches(types, batches)),
      });
      return [{ responseType: { case: "checkpointCommandResult", value: { relation: { relationId } } } }];
    }
    case "mergeIntoTableCommand":
      // MERGE needs a table supporting row-level operations; the engine's only catalog is the session catalog.
      throw notSupportedLocally("MERGE INTO (DataFrame.mergeInto)");
    case "removeCachedRemoteRelationCommand":
      if (c.value.relation !== undefined) engine.checkpoints.remove(c.value.relation.relationId);
      return [];
    default:
      throw notSupportedLocally(`the ${c.case ?? "empty"} command`);
  }
}

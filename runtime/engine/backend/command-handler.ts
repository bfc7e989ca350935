/**
 * Commands the engine runs itself: `spark.sql(...)` (answered with the relation to run, as Spark does for
 * queries) and temporary views. Anything else is named in an UnsupportedOperationException.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import type { ExecutePlanResponseSchema } from "../../../generated/proto/spark/connect/base_pb.js";
import type { Command } from "../../../generated/proto/spark/connect/commands_pb.js";
import { RelationSchema } from "../../../generated/proto/spark/connect/relations_pb.js";
import { AnalysisException } from "../../errors/index.js";
import { notSupportedLocally } from "../errors.js";
import { runWriteOperation } from "../io/write-operation.js";
import type { QueryEngine } from "../query-engine.js";
import { parseSqlStatement, runSqlStatement } from "../session/sql-front-end.js";
import type { ViewCatalog } from "../session/view-catalog.js";

type ResponseBody = Pick<MessageInitShape<typeof ExecutePlanResponseSchema>, "responseType">;

export async function runCommand(command: Command, engine: QueryEngine, views: ViewCatalog): Promise<ResponseBody[]> {
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
      const statement = parseSqlStatement(relation.relType.value.query);
      const query = runSqlStatement(statement, views, (q) => engine.analyze(q));
      const answer =
        query === null
          ? create(RelationSchema, { relType: { case: "localRelation", value: { schema: "" } } })
          : relation;
      return [{ responseType: { case: "sqlCommandResult", value: { relation: answer } } }];
    }
    case "createDataframeView": {
      const { input, name, isGlobal, replace } = c.value;
      if (input === undefined) throw new AnalysisException("createOrReplaceTempView needs an input relation.");
      if (isGlobal) throw notSupportedLocally("global temporary views");
      engine.analyze(input);
      views.create(name, input, replace);
      return [];
    }
    case "writeOperation":
      await runWriteOperation(c.value, (relation) => engine.execute(relation), engine.conf.timeZone);
      return [];
    default:
      throw notSupportedLocally(`the ${c.case ?? "empty"} command`);
  }
}

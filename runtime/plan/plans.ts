/** The `Plan` envelope sent with every ExecutePlan and AnalyzePlan request: either a query or a command. */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { type Plan, PlanSchema } from "../../generated/proto/spark/connect/base_pb.js";
import type { CommandSchema } from "../../generated/proto/spark/connect/commands_pb.js";
import type { Relation } from "../../generated/proto/spark/connect/relations_pb.js";

export function queryPlan(root: Relation): Plan {
  return create(PlanSchema, { opType: { case: "root", value: root } });
}

export function commandPlan(command: MessageInitShape<typeof CommandSchema>): Plan {
  return create(PlanSchema, { opType: { case: "command", value: command } });
}

/** The command PySpark's `spark.sql` runs eagerly: the server answers with the relation to use afterwards. */
export function sqlCommandPlan(input: Relation): Plan {
  return commandPlan({ commandType: { case: "sqlCommand", value: { input } } });
}

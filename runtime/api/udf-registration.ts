/**
 * `spark.udf`: registers user-defined functions under SQL names. A TypeScript client can register only functions
 * already on the server's classpath, Java UDFs (`UDF1`…`UDF22`) and UDAFs, sent as a RegisterFunction command
 * with a JavaUDF body, as PySpark sends them.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import type { UDFRegistrationApi } from "../../generated/api/udf-registration.js";
import type { JavaUDFSchema } from "../../generated/proto/spark/connect/expressions_pb.js";
import { DataTypeSchema } from "../../generated/proto/spark/connect/types_pb.js";
import { ClientArgumentError } from "../errors/index.js";
import { describeType } from "../plan/literals.js";
import { commandPlan } from "../plan/plans.js";
import { dataTypeToProto, type SparkDataType, DataType as SparkType } from "../types/index.js";
import type { ActionOptions } from "./action-options.js";
import { requireString } from "./column.js";
import { runCommand } from "./execution.js";
import type { SparkSession } from "./session.js";

export class UDFRegistration implements UDFRegistrationApi {
  constructor(readonly sparkSession: SparkSession) {}

  /**
   * Registers the Java class `javaClassName` (implementing one of Spark's `UDF1`…`UDF22`) as the SQL function
   * `name`; `returnType` (a DataType or DDL type string) is inferred by the server when left out.
   */
  async registerJavaFunction(
    name: string,
    javaClassName: string,
    returnType?: SparkType | string,
    options?: ActionOptions,
  ): Promise<void> {
    const outputType = returnType === undefined || returnType === null ? undefined : outputTypeOf(returnType);
    await this.register(name, { className: requireString(javaClassName, "javaClassName"), outputType }, options);
  }

  /** Registers the Java class `javaClassName` (a Spark `Aggregator` or `UserDefinedAggregateFunction`) as `name`. */
  async registerJavaUDAF(name: string, javaClassName: string, options?: ActionOptions): Promise<void> {
    await this.register(name, { className: requireString(javaClassName, "javaClassName"), aggregate: true }, options);
  }

  private async register(
    name: string,
    javaUdf: MessageInitShape<typeof JavaUDFSchema>,
    options: ActionOptions | undefined,
  ): Promise<void> {
    const value = { functionName: requireString(name, "name"), function: { case: "javaUdf" as const, value: javaUdf } };
    await runCommand(
      this.sparkSession.backend,
      commandPlan({ commandType: { case: "registerFunction", value } }),
      options,
    );
  }
}

/** A DDL string travels unparsed, as PySpark sends it; a DataType as its proto form. */
function outputTypeOf(returnType: unknown) {
  if (typeof returnType === "string") {
    return create(DataTypeSchema, { kind: { case: "unparsed", value: { dataTypeString: returnType } } });
  }
  if (returnType instanceof SparkType) return dataTypeToProto(returnType as SparkDataType);
  throw new ClientArgumentError(`returnType must be a DataType or a type string, got ${describeType(returnType)}.`, {
    errorClass: "NOT_DATATYPE_OR_STR",
    messageParameters: { arg_name: "returnType", arg_type: describeType(returnType) },
  });
}

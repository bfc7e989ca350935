/** pyspark UDFRegistration (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { BackendStatus, ClassEntryInput } from "../schema.js";
import { notInEngineYet } from "../status.js";

const registrationLater: BackendStatus = {
  state: "gap",
  reason: "registering Java UDFs and UDAFs is planned for a later issue; spark.udf itself exists",
};

export const udfRegistrationClass: ClassEntryInput = {
  name: "UDFRegistration",
  interfaceName: "UDFRegistrationApi",
  description: "Registers user-defined functions under names usable from SQL.",
  members: [
    {
      name: "registerJavaFunction",
      kind: "method",
      params: [
        { name: "name", tsType: "string" },
        { name: "javaClassName", tsType: "string" },
        { name: "returnType", tsType: "DataType | string", optional: true, pythonDefault: "None" },
      ],
      returns: "void",
      since: "2.3.0",
      status: { spark: registrationLater, local: notInEngineYet },
    },
    {
      name: "registerJavaUDAF",
      kind: "method",
      params: [
        { name: "name", tsType: "string" },
        { name: "javaClassName", tsType: "string" },
      ],
      returns: "void",
      since: "2.3.0",
      status: { spark: registrationLater, local: notInEngineYet },
    },
  ],
  excluded: [
    {
      name: "register",
      reason:
        "registers a Python function as a UDF run by the server's Python workers; a TypeScript client cannot send one",
    },
  ],
};

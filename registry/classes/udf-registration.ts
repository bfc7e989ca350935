/** pyspark UDFRegistration (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";
import { notInEngineYet, supported } from "../status.js";

export const udfRegistrationClass: ClassEntryInput = {
  name: "UDFRegistration",
  interfaceName: "UDFRegistrationApi",
  description: "Registers user-defined functions under names usable from SQL.",
  members: [
    {
      name: "registerJavaFunction",
      kind: "method",
      async: true,
      params: [
        { name: "name", tsType: "string" },
        { name: "javaClassName", tsType: "string" },
        { name: "returnType", tsType: "DataType | string", optional: true, pythonDefault: "None" },
      ],
      returns: "void",
      since: "2.3.0",
      description: "Registers a Java UDF class on the server's classpath as a SQL function.",
      status: { spark: supported, local: notInEngineYet },
    },
    {
      name: "registerJavaUDAF",
      kind: "method",
      async: true,
      params: [
        { name: "name", tsType: "string" },
        { name: "javaClassName", tsType: "string" },
      ],
      returns: "void",
      since: "2.3.0",
      description: "Registers a Java aggregate function class on the server's classpath as a SQL function.",
      status: { spark: supported, local: notInEngineYet },
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

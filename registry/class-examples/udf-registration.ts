/**
 * Examples of UDFRegistration members. Spark 4.1.1 ships no public Java UDF class to register, so these compare
 * the RegisterFunction command both clients send and expect the server's refusal: a class it cannot load, or a
 * class that implements no UDF interface. Registry data.
 */
import type { ClassExamplesInput } from "../schema.js";

export const udfRegistrationExamples: ClassExamplesInput = {
  className: "UDFRegistration",
  members: {
    registerJavaFunction: [
      {
        ts: 'spark.udf.registerJavaFunction("sparkts_golden_judf", "org.example.NoSuchUdf", "int")',
        python: 'spark.udf.registerJavaFunction("sparkts_golden_judf", "org.example.NoSuchUdf", "int")',
        expectedError: "_LEGACY_ERROR_TEMP_1329",
      },
      {
        ts: 'spark.udf.registerJavaFunction("sparkts_golden_judf", "java.lang.String")',
        python: 'spark.udf.registerJavaFunction("sparkts_golden_judf", "java.lang.String")',
        expectedError: "NO_UDF_INTERFACE",
      },
    ],
    registerJavaUDAF: [
      {
        ts: 'spark.udf.registerJavaUDAF("sparkts_golden_judaf", "org.example.NoSuchUdaf")',
        python: 'spark.udf.registerJavaUDAF("sparkts_golden_judaf", "org.example.NoSuchUdaf")',
        expectedError: "_LEGACY_ERROR_TEMP_1329",
      },
    ],
  },
};

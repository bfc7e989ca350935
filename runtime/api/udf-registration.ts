/**
 * `spark.udf`: where user-defined functions are registered under SQL names. The object exists so code written
 * against PySpark finds it; registering functions (Java UDFs and UDAFs) is not implemented yet.
 */
import type { UDFRegistrationApi } from "../../generated/api/udf-registration.js";
import type { SparkSession } from "./session.js";

export class UDFRegistration implements UDFRegistrationApi {
  constructor(readonly sparkSession: SparkSession) {}
}

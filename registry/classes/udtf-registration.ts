/** pyspark UDTFRegistration (Spark Connect): members and their TypeScript shape. Registry data, maintained by hand. */
import type { ClassEntryInput } from "../schema.js";

export const udtfRegistrationClass: ClassEntryInput = {
  name: "UDTFRegistration",
  interfaceName: "UDTFRegistrationApi",
  description: "Registers user-defined table functions under names usable from SQL.",
  members: [],
  excluded: [
    {
      name: "register",
      reason: "takes or returns Python-only objects (pandas, NumPy, RDDs, Python callables or client internals)",
    },
  ],
};

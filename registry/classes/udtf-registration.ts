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
      reason: "registers a Python UDTF class run by the server's Python workers; a TypeScript client cannot send one",
    },
  ],
};

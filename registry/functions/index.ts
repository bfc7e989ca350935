/** Every builtin function entry, gathered from the per-category registry files. */
import type { FunctionEntryInput } from "../schema.js";
import { aggregateFunctions } from "./aggregate.js";
import { arrayFunctions } from "./array.js";
import { bitwiseFunctions } from "./bitwise.js";
import { collectionFunctions } from "./collection.js";
import { conditionalFunctions } from "./conditional.js";
import { csvFunctions } from "./csv.js";
import { datasketchFunctions } from "./datasketch.js";
import { datetimeFunctions } from "./datetime.js";
import { generatorFunctions } from "./generator.js";
import { geospatialFunctions } from "./geospatial.js";
import { hashFunctions } from "./hash.js";
import { jsonFunctions } from "./json.js";
import { mapFunctions } from "./map.js";
import { mathFunctions } from "./math.js";
import { miscFunctions } from "./misc.js";
import { normalFunctions } from "./normal.js";
import { partitionTransformFunctions } from "./partition-transform.js";
import { predicateFunctions } from "./predicate.js";
import { sortFunctions } from "./sort.js";
import { stringFunctions } from "./string.js";
import { structFunctions } from "./struct.js";
import { udfFunctions } from "./udf.js";
import { urlFunctions } from "./url.js";
import { variantFunctions } from "./variant.js";
import { windowFunctions } from "./window.js";
import { xmlFunctions } from "./xml.js";

export const functionEntryInputs: FunctionEntryInput[] = [
  ...aggregateFunctions,
  ...arrayFunctions,
  ...bitwiseFunctions,
  ...collectionFunctions,
  ...conditionalFunctions,
  ...csvFunctions,
  ...datasketchFunctions,
  ...datetimeFunctions,
  ...generatorFunctions,
  ...geospatialFunctions,
  ...hashFunctions,
  ...jsonFunctions,
  ...mapFunctions,
  ...mathFunctions,
  ...miscFunctions,
  ...normalFunctions,
  ...partitionTransformFunctions,
  ...predicateFunctions,
  ...sortFunctions,
  ...stringFunctions,
  ...structFunctions,
  ...udfFunctions,
  ...urlFunctions,
  ...variantFunctions,
  ...windowFunctions,
  ...xmlFunctions,
];

/** Every class's member examples, one registry file per class. */
import type { ClassExamplesInput } from "../schema.js";
import { columnExamples } from "./column.js";
import { dataframeExamples } from "./dataframe.js";
import { dataframeNaFunctionsExamples } from "./dataframe-na-functions.js";
import { dataframeStatFunctionsExamples } from "./dataframe-stat-functions.js";
import { dataframeWriterExamples } from "./dataframe-writer.js";
import { groupedDataExamples } from "./grouped-data.js";
import { observationExamples } from "./observation.js";
import { runtimeConfigExamples } from "./runtime-config.js";
import { tableValuedFunctionExamples } from "./table-valued-function.js";
import { windowExamples } from "./window.js";
import { windowSpecExamples } from "./window-spec.js";

export const classExampleInputs: ClassExamplesInput[] = [
  columnExamples,
  dataframeExamples,
  dataframeNaFunctionsExamples,
  dataframeStatFunctionsExamples,
  dataframeWriterExamples,
  groupedDataExamples,
  observationExamples,
  runtimeConfigExamples,
  tableValuedFunctionExamples,
  windowExamples,
  windowSpecExamples,
];

/** Every class's member examples, one registry file per class. */
import type { ClassExamplesInput } from "../schema.js";
import { catalogExamples } from "./catalog.js";
import { columnExamples } from "./column.js";
import { dataframeExamples } from "./dataframe.js";
import { dataframeNaFunctionsExamples } from "./dataframe-na-functions.js";
import { dataframeReaderExamples } from "./dataframe-reader.js";
import { dataframeStatFunctionsExamples } from "./dataframe-stat-functions.js";
import { dataframeWriterExamples } from "./dataframe-writer.js";
import { dataframeWriterV2Examples } from "./dataframe-writer-v2.js";
import { groupedDataExamples } from "./grouped-data.js";
import { mergeIntoWriterExamples } from "./merge-into-writer.js";
import { mergeIntoWriterWhenMatchedExamples } from "./merge-into-writer-when-matched.js";
import { mergeIntoWriterWhenNotMatchedExamples } from "./merge-into-writer-when-not-matched.js";
import { mergeIntoWriterWhenNotMatchedBySourceExamples } from "./merge-into-writer-when-not-matched-by-source.js";
import { observationExamples } from "./observation.js";
import { runtimeConfigExamples } from "./runtime-config.js";
import { sparkSessionExamples } from "./spark-session.js";
import { sparkSessionBuilderExamples } from "./spark-session-builder.js";
import { tableValuedFunctionExamples } from "./table-valued-function.js";
import { udfRegistrationExamples } from "./udf-registration.js";
import { windowExamples } from "./window.js";
import { windowSpecExamples } from "./window-spec.js";

export const classExampleInputs: ClassExamplesInput[] = [
  catalogExamples,
  columnExamples,
  dataframeExamples,
  dataframeNaFunctionsExamples,
  dataframeReaderExamples,
  dataframeStatFunctionsExamples,
  dataframeWriterExamples,
  dataframeWriterV2Examples,
  groupedDataExamples,
  mergeIntoWriterExamples,
  mergeIntoWriterWhenMatchedExamples,
  mergeIntoWriterWhenNotMatchedExamples,
  mergeIntoWriterWhenNotMatchedBySourceExamples,
  runtimeConfigExamples,
  sparkSessionExamples,
  sparkSessionBuilderExamples,
  observationExamples,
  tableValuedFunctionExamples,
  udfRegistrationExamples,
  windowExamples,
  windowSpecExamples,
];

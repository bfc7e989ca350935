/** Every class entry, one registry file per pyspark class. */
import type { ClassEntryInput } from "../schema.js";
import { catalogClass } from "./catalog.js";
import { columnClass } from "./column.js";
import { dataStreamReaderClass } from "./data-stream-reader.js";
import { dataStreamWriterClass } from "./data-stream-writer.js";
import { dataframeClass } from "./dataframe.js";
import { dataframeNaFunctionsClass } from "./dataframe-na-functions.js";
import { dataframeReaderClass } from "./dataframe-reader.js";
import { dataframeStatFunctionsClass } from "./dataframe-stat-functions.js";
import { dataframeWriterClass } from "./dataframe-writer.js";
import { dataframeWriterV2Class } from "./dataframe-writer-v2.js";
import { groupedDataClass } from "./grouped-data.js";
import { mergeIntoWriterClass } from "./merge-into-writer.js";
import { mergeIntoWriterWhenMatchedClass } from "./merge-into-writer-when-matched.js";
import { mergeIntoWriterWhenNotMatchedClass } from "./merge-into-writer-when-not-matched.js";
import { mergeIntoWriterWhenNotMatchedBySourceClass } from "./merge-into-writer-when-not-matched-by-source.js";
import { observationClass } from "./observation.js";
import { runtimeConfigClass } from "./runtime-config.js";
import { sparkSessionClass } from "./spark-session.js";
import { sparkSessionBuilderClass } from "./spark-session-builder.js";
import { streamingQueryClass } from "./streaming-query.js";
import { streamingQueryManagerClass } from "./streaming-query-manager.js";
import { tableValuedFunctionClass } from "./table-valued-function.js";
import { udfRegistrationClass } from "./udf-registration.js";
import { udtfRegistrationClass } from "./udtf-registration.js";
import { windowClass } from "./window.js";
import { windowSpecClass } from "./window-spec.js";

export const classEntryInputs: ClassEntryInput[] = [
  catalogClass,
  columnClass,
  dataStreamReaderClass,
  dataStreamWriterClass,
  dataframeClass,
  dataframeNaFunctionsClass,
  dataframeReaderClass,
  dataframeStatFunctionsClass,
  dataframeWriterClass,
  dataframeWriterV2Class,
  groupedDataClass,
  mergeIntoWriterClass,
  mergeIntoWriterWhenMatchedClass,
  mergeIntoWriterWhenNotMatchedClass,
  mergeIntoWriterWhenNotMatchedBySourceClass,
  observationClass,
  runtimeConfigClass,
  sparkSessionClass,
  sparkSessionBuilderClass,
  streamingQueryClass,
  streamingQueryManagerClass,
  tableValuedFunctionClass,
  udfRegistrationClass,
  udtfRegistrationClass,
  windowClass,
  windowSpecClass,
];

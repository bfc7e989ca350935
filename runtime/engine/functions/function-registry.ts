/**
 * The builtin scalar functions the engine knows, by Spark name (case-insensitive), plus the operator spellings
 * the front ends send. Kernels are looked up here by a Call's canonical name at execution time.
 */

import { intervalAggregateFunctions } from "../analyzer/interval-aggregates.js";
import { unresolvedRoutine } from "../errors.js";
import { aesFunctions } from "./aes-crypto.js";
import { arithmeticAliases, arithmeticFunctions } from "./arithmetic.js";
import { arrayEditingFunctions } from "./array-editing.js";
import { arrayExtras } from "./array-extras.js";
import { arrayFunctions } from "./array-functions.js";
import { arrayShuffleFunctions } from "./array-shuffle.js";
import { arraySortFunctions } from "./array-sort.js";
import { bitmapFunctions } from "./bitmap-functions.js";
// Function breadth (math, bitwise, string, datetime, conditional, hashing families).
import { bitwiseFunctions } from "./bitwise.js";
import { collectionAccessors } from "./collection-accessors.js";
import { collectionConstructors } from "./collection-constructors.js";
import { comparisonFunctions } from "./comparison-functions.js";
import { conditionalFunctions } from "./conditional.js";
import { convertTimezoneFunctions } from "./convert-timezone.js";
import { csvReadingFunctions } from "./csv-reading.js";
import { csvSchemaFunctions } from "./csv-schema-inference.js";
import { csvWritingFunctions } from "./csv-writing.js";
import { datetimeFunctions } from "./datetime.js";
import { datetimeCalendarFunctions } from "./datetime-calendar.js";
import { datetimeExtractFunctions } from "./datetime-extract.js";
import { datetimeExtraAliases, datetimeExtraFunctions } from "./datetime-extras.js";
import { datetimeFormattingFunctions } from "./datetime-formatting.js";
import { datetimeParsingFunctions } from "./datetime-parsing.js";
import { directPartitionFunctions } from "./direct-partition-id.js";
import { elementaryMathFunctions } from "./elementary-math.js";
import { formatStringFunctions } from "./format-string.js";
import type { Kernel, ScalarFunction } from "./function-types.js";
import { hashingFunctions } from "./hashing.js";
import { hllFunctions } from "./hll-functions.js";
import { integerMathFunctions } from "./integer-math.js";
import { intervalArithmeticFunctions } from "./interval-arithmetic.js";
import { jsonFunctions } from "./json-functions.js";
import { jsonReadingFunctions } from "./json-reading.js";
import { jsonSchemaFunctions } from "./json-schema-inference.js";
import { jsonWritingFunctions } from "./json-writing.js";
import { makeIntervalFunctions } from "./make-interval.js";
import { makeTimestampFunctions } from "./make-timestamp.js";
import { mapBuildingFunctions } from "./map-building.js";
import { mathAliases, mathFunctions } from "./math.js";
import { nullHandlingFunctions } from "./null-handling.js";
import { numberFormatFunctions } from "./number-format-functions.js";
import { numberFormattingFunctions } from "./number-formatting.js";
import { partitionFunctions } from "./partition-functions.js";
import { predicateAliases, predicateFunctions } from "./predicates.js";
import { radixFunctions } from "./radix.js";
import { randomAliases, randomFunctions } from "./random-functions.js";
import { regexpFunctions } from "./regexp.js";
import { regexpSplitFunctions } from "./regexp-split.js";
import { sentenceFunctions } from "./sentences.js";
import { sequenceFunctions } from "./sequence.js";
import { sessionClockFunctions } from "./session-clock.js";
import { sessionInfoFunctions } from "./session-info.js";
import { stringCodeFunctions } from "./string-codes.js";
import { stringEditingFunctions } from "./string-editing.js";
import { stringSearchFunctions } from "./string-search.js";
import { stringTransformFunctions } from "./string-transform.js";
import { stringAliases, stringFunctions } from "./strings.js";
import { structUpdateFunctions } from "./struct-update.js";
import { textEncodingFunctions } from "./text-encoding.js";
import { timeWindowFunctions } from "./time-window.js";
import { timestampConversionFunctions } from "./timestamp-conversion.js";
import { timestampFlavourFunctions } from "./timestamp-flavours.js";
import { timestampUnitFunctions } from "./timestamp-units.js";
import { trigonometryAliases, trigonometryFunctions } from "./trigonometry.js";
import { tryArithmeticFunctions } from "./try-arithmetic.js";
import { urlFunctions } from "./url-functions.js";
import { userErrorFunctions } from "./user-errors.js";
import { utf8ValidationFunctions } from "./utf8-validation.js";
import { uuidFunctions } from "./uuid.js";
import { xpathFunctions } from "./xpath-functions.js";

const FUNCTIONS: Record<string, ScalarFunction> = {
  ...arithmeticFunctions,
  ...predicateFunctions,
  ...stringFunctions,
  ...mathFunctions,
  ...conditionalFunctions,
  ...datetimeFunctions,
  ...hashingFunctions,
  ...stringEditingFunctions,
  ...comparisonFunctions,
  ...collectionConstructors,
  ...collectionAccessors,
  ...structUpdateFunctions,
  ...directPartitionFunctions,
  ...arrayFunctions,
  ...arrayExtras,
  ...trigonometryFunctions,
  ...elementaryMathFunctions,
  ...integerMathFunctions,
  ...radixFunctions,
  ...bitwiseFunctions,
  ...bitmapFunctions,
  ...hllFunctions,
  ...nullHandlingFunctions,
  ...stringCodeFunctions,
  ...stringSearchFunctions,
  ...stringTransformFunctions,
  ...regexpFunctions,
  ...datetimeCalendarFunctions,
  ...timestampConversionFunctions,
  ...sessionInfoFunctions,
  ...sessionClockFunctions,
  ...userErrorFunctions,
  ...makeTimestampFunctions,
  ...timestampFlavourFunctions,
  ...timestampUnitFunctions,
  ...convertTimezoneFunctions,
  ...uuidFunctions,
  ...datetimeFormattingFunctions,
  ...datetimeParsingFunctions,
  ...tryArithmeticFunctions,
  ...numberFormattingFunctions,
  ...formatStringFunctions,
  ...urlFunctions,
  ...jsonFunctions,
  ...jsonWritingFunctions,
  ...jsonSchemaFunctions,
  ...regexpSplitFunctions,
  ...jsonReadingFunctions,
  ...datetimeExtraFunctions,
  ...textEncodingFunctions,
  ...datetimeExtractFunctions,
  ...arraySortFunctions,
  ...arrayEditingFunctions,
  ...mapBuildingFunctions,
  ...sequenceFunctions,
  ...randomFunctions,
  ...partitionFunctions,
  ...arrayShuffleFunctions,
  ...csvReadingFunctions,
  ...csvSchemaFunctions,
  ...csvWritingFunctions,
  ...numberFormatFunctions,
  ...utf8ValidationFunctions,
  ...xpathFunctions,
  ...aesFunctions,
  ...sentenceFunctions,
  ...intervalArithmeticFunctions,
  ...intervalAggregateFunctions,
  ...makeIntervalFunctions,
  ...timeWindowFunctions,
};

const ALIASES: Record<string, string> = {
  ...arithmeticAliases,
  ...predicateAliases,
  ...stringAliases,
  ...mathAliases,
  ...trigonometryAliases,
  ...datetimeExtraAliases,
  ...randomAliases,
};

const BY_LOWER_NAME = new Map(Object.entries(FUNCTIONS).map(([name, fn]) => [name.toLowerCase(), { name, fn }]));

/** The canonical name a front-end spelling maps to (`==` → `equal`, `ucase` → `upper`). */
export function canonicalName(name: string): string {
  return ALIASES[name] ?? ALIASES[name.toLowerCase()] ?? name.toLowerCase();
}

export function lookupScalarFunction(name: string): { name: string; fn: ScalarFunction } | undefined {
  return BY_LOWER_NAME.get(canonicalName(name));
}

export function kernelFor(name: string): Kernel {
  const kernel = FUNCTIONS[name]?.kernel;
  if (kernel === undefined) throw unresolvedRoutine(name);
  return kernel;
}

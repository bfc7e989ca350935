/**
 * schema_of_csv(csv[, options]): the struct type the `csv` source's inference gives one record, in SQL form
 * (`STRUCT<_c0: INT, _c1: STRING>`). It uses the file source's tokenizer, settings and per-cell inference, so a
 * cell is typed exactly as `inferSchema` would type it.
 */
import { type ColumnVector, columnFromScalars } from "../columnar/column-vector.js";
import { dataTypeMismatch } from "../errors.js";
import { type CellKind, inferCell, mergeKinds, typeOfKind } from "../io/csv-inference.js";
import { CsvSplit, csvSettings } from "../io/csv-reader.js";
import { SourceOptions } from "../io/source-options.js";
import { decimalShape } from "../io/text-values.js";
import { displayOf } from "../logical/expression-display.js";
import * as T from "../types/data-types.js";
import { optionsLiteral, optionsOfCall, readOptionsMap } from "./function-options.js";
import { call, type ScalarFunction } from "./function-types.js";

export function schemaOfCsv(text: string, options: Record<string, string>, timeZone: string): string {
  const settings = csvSettings(new SourceOptions(options), timeZone);
  const bytes = Buffer.from(text, "utf8");
  const split = new CsvSplit(bytes, settings, 0, bytes.length, false);
  const width = split.tokens.numRecords === 0 ? 0 : split.fieldCount(0);
  const fields: string[] = [];
  for (let c = 0; c < width; c++) {
    const cell = split.text(0, c);
    let kind: CellKind = "null";
    if (cell !== null) kind = mergeKinds(kind, inferCell(kind, cell, settings.rules));
    const shape = kind === "decimal" && cell !== null ? decimalShape(cell) : null;
    const type = typeOfKind(kind, shape ?? { precision: 1, scale: 0 });
    fields.push(`_c${c}: ${T.simpleString(type).toUpperCase()}`);
  }
  return `STRUCT<${fields.join(", ")}>`;
}

const schemaOfCsvFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [csv, options] = args;
    const display = `schema_of_csv(${csv === undefined ? "" : displayOf(csv)})`;
    if (csv === undefined || csv.kind !== "literal" || !T.isString(csv.type)) {
      throw dataTypeMismatch(
        "NON_FOLDABLE_INPUT",
        `"${display}"`,
        `the input \`csv\` should be a foldable "STRING" expression; however, got "${csv === undefined ? "" : displayOf(csv)}".`,
        { inputName: "`csv`", inputType: '"STRING"', inputExpr: `"${csv === undefined ? "" : displayOf(csv)}"` },
      );
    }
    return call("schema_of_csv", [csv, optionsLiteral(readOptionsMap(options))], T.STRING, display, ctx, false);
  },
  kernel: ([csv], c, ctx) => {
    const column = csv as ColumnVector;
    const text = c.args[0]?.kind === "literal" ? (c.args[0].value as string | null) : null;
    const schema = text === null ? null : schemaOfCsv(text, optionsOfCall(c.args, 1), ctx.timeZone);
    return columnFromScalars(c.type, new Array(column.length).fill(schema));
  },
};

export const csvSchemaFunctions: Record<string, ScalarFunction> = { schema_of_csv: schemaOfCsvFunction };

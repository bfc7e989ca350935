/**
 * Generate: each input row followed by the rows its generator yields (explode, posexplode, inline, stack,
 * json_tuple), the
 * input row's columns repeated next to each generated row. Input rows that yield nothing disappear, or with an
 * outer generator come out once with NULLs in the generated columns.
 */
import {
  type Batch,
  type ColumnVector,
  columnFromScalars,
  getScalar,
  type MapValue,
  type Scalar,
  takeRows,
} from "../columnar/column-vector.js";
import type { EvalContext } from "../functions/function-types.js";
import { jsonTupleValues } from "../functions/json-functions.js";
import type { Generator } from "../logical/generators.js";
import type { DataType } from "../types/data-types.js";
import { evaluate } from "./expression-evaluator.js";

type RowSource = (row: number) => readonly (readonly Scalar[])[];

const NO_ROWS: readonly (readonly Scalar[])[] = [];

const isMapValue = (value: Scalar): value is MapValue =>
  value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Uint8Array);

/** The rows one input row yields, by generator. */
function rowSource(generator: Generator, args: readonly ColumnVector[], width: number): RowSource {
  switch (generator.kind) {
    case "explode":
    case "posexplode": {
      const input = args[0] as ColumnVector;
      const withPosition = generator.kind === "posexplode";
      return (row) => {
        const value = getScalar(input, row);
        if (value === null) return NO_ROWS;
        if (isMapValue(value)) {
          return value.keys.map((key, i) => {
            const entry = [key, value.values[i] ?? null];
            return withPosition ? [i, ...entry] : entry;
          });
        }
        const elements = value as readonly Scalar[];
        return elements.map((element, i) => (withPosition ? [i, element] : [element]));
      };
    }
    case "inline": {
      const input = args[0] as ColumnVector;
      const nulls: readonly Scalar[] = new Array<Scalar>(width).fill(null);
      // A NULL struct inside the array still yields a row, of NULLs.
      return (row) => {
        const value = getScalar(input, row);
        if (value === null) return NO_ROWS;
        return (value as readonly Scalar[]).map((struct) => (struct === null ? nulls : (struct as readonly Scalar[])));
      };
    }
    case "json_tuple": {
      const [json, ...fields] = args;
      return (row) => [
        jsonTupleValues(
          getScalar(json as ColumnVector, row) as string | null,
          fields.map((field) => getScalar(field, row) as string | null),
        ),
      ];
    }
    case "stack": {
      const [count, ...values] = args;
      const n = Number(getScalar(count as ColumnVector, 0));
      return (row) =>
        Array.from({ length: n }, (_, r) =>
          Array.from({ length: width }, (_, c) => {
            const column = values[r * width + c];
            return column === undefined ? null : getScalar(column, row);
          }),
        );
    }
  }
}

export function generateBatch(
  batch: Batch,
  generator: Generator,
  generatedTypes: readonly DataType[],
  ctx: EvalContext,
): Batch {
  const args = generator.args.map((e) => evaluate(e, batch, ctx));
  const width = generatedTypes.length;
  const rowsOf = rowSource(generator, args, width);
  const parents: number[] = [];
  const generated: Scalar[][] = generatedTypes.map(() => []);
  for (let row = 0; row < batch.numRows; row++) {
    const rows = rowsOf(row);
    if (rows.length === 0 && generator.outer) {
      parents.push(row);
      for (const values of generated) values.push(null);
      continue;
    }
    for (const values of rows) {
      parents.push(row);
      for (let c = 0; c < width; c++) (generated[c] as Scalar[]).push(values[c] ?? null);
    }
  }
  const indices = Int32Array.from(parents);
  return {
    columns: [
      ...batch.columns.map((column) => takeRows(column, indices)),
      ...generated.map((values, c) => columnFromScalars(generatedTypes[c] as DataType, values)),
    ],
    numRows: indices.length,
  };
}

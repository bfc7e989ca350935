import { Table, Type, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import * as T from "../types/data-types.js";
import { tableToBatch } from "./arrow-columns.js";

const stringColumn = (values: string[]) => {
  // Plain Utf8 (not the dictionary type Arrow infers for strings), as Parquet string columns decode.
  const table = new Table({ s: vectorFromArray(values, new Utf8()) });
  expect(table.schema.fields[0]?.type.typeId).toBe(Type.Utf8);
  return tableToBatch(table, [{ name: "s", type: T.STRING, nullable: true }]).columns[0]?.data as string[];
};

describe("Arrow string columns", () => {
  it("reads repeated ASCII values, including values that share a length or a prefix", () => {
    const values = Array.from(
      { length: 5000 },
      (_, i) => ["MAIL", "SHIP", "AIR", "", "MAILS", "LIAM"][i % 6] as string,
    );
    expect(stringColumn(values)).toEqual(values);
  });

  it("reads columns with more distinct values than it interns", () => {
    const values = Array.from({ length: 3000 }, (_, i) => `v${i % 2000}`);
    expect(stringColumn(values)).toEqual(values);
  });

  it("reads non-ASCII values", () => {
    const values = ["é", "MAIL", "日本", "é"];
    expect(stringColumn(values)).toEqual(values);
  });
});

import { describe, expect, it } from "vitest";
import { type CsvDialect, nextRecordStart, tokenizeCsv, unescapeField } from "./csv-tokenizer.js";

const DIALECT: CsvDialect = { sep: 44, quote: 34, escape: 92, comment: -1, multiLine: false };
const bytes = (text: string) => new TextEncoder().encode(text);

function fields(text: string, dialect: CsvDialect = DIALECT): string[][] {
  const data = bytes(text);
  const t = tokenizeCsv(data, dialect);
  const decoder = new TextDecoder();
  return Array.from({ length: t.numRecords }, (_, r) => {
    const out: string[] = [];
    for (let k = t.recordStarts[r] as number; k < (t.recordStarts[r + 1] as number); k++) {
      const raw = decoder.decode(data.subarray(t.starts[k], t.ends[k]));
      out.push(t.flags[k] === 2 ? unescapeField(raw, '"', "\\") : raw);
    }
    return out;
  });
}

describe("tokenizeCsv", () => {
  it("splits records on \\n, \\r\\n and \\r and skips blank lines", () => {
    expect(fields("a,b\n\nc,d\r\ne,f\rg,h")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(fields(",x,\n")).toEqual([["", "x", ""]]);
  });

  it("strips quotes and resolves backslash escapes", () => {
    expect(fields('"a,b","say \\"hi\\"",plain\n')).toEqual([["a,b", 'say "hi"', "plain"]]);
  });

  it("keeps a field with a stray inner quote verbatim when the escape is a backslash", () => {
    expect(fields('1,"x ""y"" z",2\n')).toEqual([["1", '"x ""y"" z"', "2"]]);
  });

  it("treats doubled quotes as escapes when the escape is the quote itself", () => {
    expect(fields('"x ""y"" z"\n', { ...DIALECT, escape: 34 })).toEqual([['x "y" z']]);
  });

  it("lets newlines inside quotes belong to the value only in multiLine mode", () => {
    expect(fields('1,"a\nb"\n2,c', { ...DIALECT, multiLine: true })).toEqual([
      ["1", "a\nb"],
      ["2", "c"],
    ]);
    expect(fields('1,"a\nb"\n', DIALECT).length).toBe(2);
  });

  it("skips comment lines when a comment character is set", () => {
    expect(fields("#x,y\na,b\n", { ...DIALECT, comment: 35 })).toEqual([["a", "b"]]);
  });

  it("reads only records that start inside the byte range, to their end", () => {
    const data = bytes("aa,1\nbb,2\ncc,3\n");
    const second = nextRecordStart(data, 3);
    expect(second).toBe(5);
    const t = tokenizeCsv(data, DIALECT, second, 7);
    expect(t.numRecords).toBe(1);
    expect(new TextDecoder().decode(data.subarray(t.starts[1], t.ends[1]))).toBe("2");
  });

  // Throughput belongs to the benchmarks (bench/), not to a timed unit test on a shared machine.
  it("tokenizes a large input completely, record boundaries and all", () => {
    const line = "12345,67.25,abcdefgh,2024-01-31\n";
    const data = bytes(line.repeat(400_000));
    const t = tokenizeCsv(data, DIALECT);
    expect(t.numRecords).toBe(400_000);
    const last = (t.numRecords - 1) * 4 + 3;
    expect(new TextDecoder().decode(data.subarray(t.starts[last], t.ends[last]))).toBe("2024-01-31");
  });
});

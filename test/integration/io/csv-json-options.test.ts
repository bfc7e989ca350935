/**
 * Hand-written CSV and JSON files with the awkward cases (quotes, escapes, multi-line values, malformed records,
 * custom separators, null markers, date patterns, type conflicts), read by the engine and by Spark 4.1.1 with
 * the same options: the answers (or the failures) must match.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Parity } from "../engine/parity-harness.js";
import { type ReadSpec, readPlan, tempDir } from "./file-fixtures.js";

const parity = new Parity(process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002", "local[2]");
const dir = tempDir("options");
afterAll(() => parity.close());

function file(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, "data.txt"), text);
  return path;
}

async function expectSame(spec: ReadSpec) {
  const { local, spark } = await parity.run(readPlan(spec));
  expect(local).toEqual(spark);
  return spark;
}

const QUOTED = file(
  "quoted",
  'id,text,n\n1,"plain",10\n2,"with ""doubled"" quotes",20\n3,"with \\"escaped\\" quotes",30\n4,"comma, inside",40\n5,,\n6,"",60\n',
);
const MULTILINE = file("multiline", 'id,text\n1,"line one\nline two"\n2,"single"\r\n3,"a\r\nb"\n');
const MALFORMED = file("malformed", "a,b\n1,2\nx,3\n4\n5,6,7\n8,9\n");
const SEMICOLON = file(
  "semicolon",
  "# a comment line\nk;v;d\na;NA;01/02/2024\nb;2.5;15/12/2023\n\nc;-1e3;31/01/2020\n",
);
const CONFLICTS = file("conflicts", "a,b,c,d,e\n1,1.5,true,2024-01-01,10000000000\nx,2,false,2024-01-01 10:00:00,3\n");

describe("CSV options against Spark", () => {
  it("quotes: doubled and backslash-escaped quotes, separators inside, empty and quoted-empty fields", async () => {
    await expectSame({ format: "csv", paths: [QUOTED], options: { header: "true", inferSchema: "true" } });
    await expectSame({ format: "csv", paths: [QUOTED], options: { header: "true", escape: '"' } });
  });

  it("multiLine values inside quotes, mixed line endings", async () => {
    await expectSame({ format: "csv", paths: [MULTILINE], options: { header: "true", multiLine: "true" } });
  });

  it("malformed records: PERMISSIVE keeps, DROPMALFORMED drops, corrupt-record column", async () => {
    const schema = "a int, b int";
    await expectSame({ format: "csv", paths: [MALFORMED], schema, options: { header: "true" } });
    await expectSame({ format: "csv", paths: [MALFORMED], schema, options: { header: "true", mode: "DROPMALFORMED" } });
    await expectSame({
      format: "csv",
      paths: [MALFORMED],
      schema: "a int, b int, _corrupt_record string",
      options: { header: "true" },
    });
  });

  it("FAILFAST fails on the first bad record", async () => {
    const answer = await expectSame({
      format: "csv",
      paths: [MALFORMED],
      schema: "a int, b int",
      options: { header: "true", mode: "FAILFAST" },
    });
    expect("failure" in answer).toBe(true);
  });

  it("sep, comment, nullValue and dateFormat", async () => {
    await expectSame({
      format: "csv",
      paths: [SEMICOLON],
      options: {
        header: "true",
        sep: ";",
        comment: "#",
        nullValue: "NA",
        inferSchema: "true",
        dateFormat: "dd/MM/yyyy",
      },
    });
    await expectSame({
      format: "csv",
      paths: [SEMICOLON],
      schema: "k string, v double, d date",
      options: { header: "true", sep: ";", comment: "#", nullValue: "NA", dateFormat: "dd/MM/yyyy" },
    });
  });

  it("inference widens across rows: int→string, double, boolean, date→timestamp, bigint", async () => {
    await expectSame({ format: "csv", paths: [CONFLICTS], options: { header: "true", inferSchema: "true" } });
  });
});

const JSON_MIXED = file(
  "json_mixed",
  '{"a": 1, "b": "x", "c": 1.5}\n{"a": 2.5, "b": 3, "d": null}\n\n{"a": 3, "c": 2, "e": true}\nnot json\n{"b": "é \\u00e9 \\"q\\""}\n',
);
const JSON_MULTI = file("json_multi", '[{"a": 1, "b": "x"},\n {"a": 2,\n  "b": "y"}]');

describe("JSON options against Spark", () => {
  it("inference merges types, sorts fields and adds _corrupt_record", async () => {
    await expectSame({ format: "json", paths: [JSON_MIXED] });
  });

  it("DROPMALFORMED and an explicit schema", async () => {
    await expectSame({ format: "json", paths: [JSON_MIXED], options: { mode: "DROPMALFORMED" } });
    await expectSame({ format: "json", paths: [JSON_MIXED], schema: "a double, b string, e boolean" });
  });

  it("multiLine: one JSON array per file", async () => {
    await expectSame({ format: "json", paths: [JSON_MULTI], options: { multiLine: "true" } });
  });
});

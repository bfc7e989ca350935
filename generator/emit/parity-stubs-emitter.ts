/**
 * generated/parity/functions/<category>.ts: for each builtin without a hand-written parity case, its registry
 * examples as runnable builders, for the parity harness to check against PySpark's golden plans and results.
 * The files only describe cases; running them is the harness's job.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { FunctionEntry } from "../../registry/schema.js";
import { camelCase, safeIdentifier } from "../model/identifiers.js";
import { finish, type GeneratedFile, newSourceFile } from "./generated-file.js";

export const PARITY_DIR = "generated/parity";

/** Window-function examples name a window spec (`rank().over(Window.orderBy("id"))`). */
const WINDOW_SPEC = /\bWindow\./;

const CALLED_NAME = /\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g;

function calledFunctions(example: string, known: ReadonlySet<string>): string[] {
  return [...example.matchAll(CALLED_NAME)].map((match) => match[1]!).filter((name) => known.has(name));
}

/** The example as code: calls of reserved-word builtins (`typeof`) go through their import alias. */
function callable(example: string, known: ReadonlySet<string>): string {
  return example.replace(CALLED_NAME, (call, name: string) =>
    known.has(name) && safeIdentifier(name) !== name ? call.replace(name, safeIdentifier(name)) : call,
  );
}

/** The shared shape of a stub, emitted once. */
export function emitParityStubType(): GeneratedFile {
  const path = `${PARITY_DIR}/function-example.ts`;
  const file = newSourceFile(path);
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: "../../runtime/codegen/index.js",
    namedImports: ["SparkSession"],
  });
  file.addInterface({
    name: "FunctionExample",
    isExported: true,
    docs: [
      "One registry example of a builtin: its source text, and a builder producing the same value (examples may use `sparkSession`).",
    ],
    properties: [
      { name: "function", type: "string", isReadonly: true },
      { name: "category", type: "string", isReadonly: true },
      { name: "example", type: "string", isReadonly: true },
      { name: "build", type: "(sparkSession: SparkSession) => unknown", isReadonly: true },
      { name: "spark", type: '"supported" | "gap"', isReadonly: true },
      { name: "local", type: '"supported" | "gap"', isReadonly: true },
      {
        name: "compare",
        type: '"values" | "schema" | "none"',
        isReadonly: true,
        docs: [
          "How its golden result is compared: values and types, types only, or not run (registry resultComparison).",
        ],
      },
    ],
  });
  return finish(file, path, "registry/schema.ts");
}

export function emitParityStubs(
  category: string,
  entries: readonly FunctionEntry[],
  allFunctionNames: ReadonlySet<string>,
  source: string,
): GeneratedFile {
  const path = `${PARITY_DIR}/functions/${category}.ts`;
  const file = newSourceFile(path);
  const sorted = [...entries].sort((a, b) => a.name.localeCompare(b.name));
  const used = new Set(
    sorted.flatMap((entry) => entry.examples.flatMap((ex) => calledFunctions(ex, allFunctionNames))),
  );
  if (used.size > 0) {
    file.addImportDeclaration({
      moduleSpecifier: "../../functions/index.js",
      namedImports: [...used]
        .sort()
        .map((name) => (safeIdentifier(name) === name ? name : { name, alias: safeIdentifier(name) })),
    });
  }
  if (sorted.some((entry) => entry.examples.some((example) => WINDOW_SPEC.test(example)))) {
    file.addImportDeclaration({ moduleSpecifier: "../../../runtime/api/window.js", namedImports: ["Window"] });
  }
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: "../function-example.js",
    namedImports: ["FunctionExample"],
  });
  const items = sorted.flatMap((entry) =>
    entry.examples.map(
      (example) =>
        `{ function: ${JSON.stringify(entry.name)}, category: ${JSON.stringify(entry.category)}, example: ${JSON.stringify(example)}, ` +
        `build: (sparkSession) => ${callable(example, allFunctionNames)}, ` +
        `spark: "${entry.status.spark.state}", local: "${entry.status.local.state}", compare: "${entry.resultComparison?.compare ?? "values"}" }`,
    ),
  );
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      { name: "examples", type: "readonly FunctionExample[]", initializer: `[\n${items.join(",\n")},\n]` },
    ],
  });
  return finish(file, path, source);
}

/** generated/parity/functions/index.ts: every category's examples in one list. */
export function emitParityIndex(categories: readonly string[]): GeneratedFile {
  const path = `${PARITY_DIR}/functions/index.ts`;
  const file = newSourceFile(path);
  const sorted = [...categories].sort();
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: "../function-example.js",
    namedImports: ["FunctionExample"],
  });
  for (const category of sorted) {
    file.addImportDeclaration({
      moduleSpecifier: `./${category}.js`,
      namedImports: [{ name: "examples", alias: camelCase(category) }],
    });
  }
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: "functionExamples",
        type: "readonly FunctionExample[]",
        initializer: `[${sorted.map((category) => `...${camelCase(category)}`).join(", ")}]`,
      },
    ],
  });
  return finish(file, path, "registry/functions/index.ts");
}

/**
 * generated/parity/classes/<class>.ts: every registry example of a class member as a runnable builder next to
 * its PySpark twin, for the member golden test to compare the plans both send and the results both get.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { ClassEntry, ClassExamples } from "../../registry/schema.js";
import { camelCase, kebabCase } from "../model/identifiers.js";
import { finish, type GeneratedFile, newSourceFile } from "./generated-file.js";
import { PARITY_DIR } from "./parity-stubs-emitter.js";

/** The names an example may use besides the builtins (`F.…`); each run receives them in one scope object. */
const SCOPE_NAMES = ["spark", "df", "Window", "Observation", "SparkSession", "remote", "files", "out"] as const;

function usedScopeNames(code: string): string[] {
  return SCOPE_NAMES.filter((name) => new RegExp(`(?<![.\\w])${name}\\b`).test(code));
}

/** An arrow function taking the scope names the code uses and returning the code's value. */
function arrow(code: string): string {
  const used = usedScopeNames(code);
  return `${used.length === 0 ? "()" : `({ ${used.join(", ")} })`} => ${code}`;
}

/** The shared shape of a member example, emitted once. */
export function emitMemberExampleType(): GeneratedFile {
  const path = `${PARITY_DIR}/member-example.ts`;
  const file = newSourceFile(path);
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: "../../runtime/codegen/index.js",
    namedImports: ["DataFrame", "ObservationClass", "SparkSession", "WindowStatics"],
  });
  file.addInterface({
    name: "MemberExampleScope",
    isExported: true,
    docs: [
      "What a member example sees: the session, the parity fixture's DataFrame, the Window builders, the " +
        "Observation constructor, the session class and the server's URL (for builder examples), the directory " +
        "of data files to read and a fresh empty directory to write to.",
    ],
    properties: [
      { name: "spark", type: "SparkSession", isReadonly: true },
      { name: "df", type: "DataFrame", isReadonly: true },
      { name: "Window", type: "WindowStatics", isReadonly: true },
      { name: "Observation", type: "ObservationClass", isReadonly: true },
      { name: "SparkSession", type: 'typeof import("../../runtime/api/session.js").SparkSession', isReadonly: true },
      { name: "remote", type: "string", isReadonly: true },
      { name: "files", type: "string", isReadonly: true },
      { name: "out", type: "string", isReadonly: true },
    ],
  });
  file.addInterface({
    name: "MemberExample",
    isExported: true,
    docs: ["One registry example of a class member: both sources, and a builder running the TypeScript one."],
    properties: [
      { name: "className", type: "string", isReadonly: true },
      { name: "member", type: "string", isReadonly: true },
      { name: "ts", type: "string", isReadonly: true },
      { name: "python", type: "string", isReadonly: true },
      { name: "run", type: "(scope: MemberExampleScope) => unknown", isReadonly: true },
      {
        name: "setup",
        type: "(scope: MemberExampleScope) => unknown",
        isReadonly: true,
        hasQuestionToken: true,
        docs: ["Makes the state the example needs; runs before recording starts."],
      },
      {
        name: "expectedError",
        type: "string",
        isReadonly: true,
        hasQuestionToken: true,
        docs: ["The error class the server answers with (no local table supports the effect); plans still compared."],
      },
      { name: "spark", type: '"supported" | "gap"', isReadonly: true },
      { name: "local", type: '"supported" | "gap"', isReadonly: true },
    ],
  });
  return finish(file, path, "registry/schema.ts");
}

export function emitMemberExamples(entry: ClassEntry, examples: ClassExamples): GeneratedFile {
  const fileName = kebabCase(entry.name);
  const path = `${PARITY_DIR}/classes/${fileName}.ts`;
  const file = newSourceFile(path);
  const members = Object.keys(examples.members).sort();
  const all = members.flatMap((member) => examples.members[member]!.map((example) => ({ member, example })));
  if (all.some(({ example }) => /(?<![.\w])F\./.test(example.ts))) {
    file.addImportDeclaration({ moduleSpecifier: "../../functions/index.js", namespaceImport: "F" });
  }
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: "../member-example.js",
    namedImports: ["MemberExample"],
  });
  const statusOf = new Map(entry.members.map((member) => [member.name, member.status]));
  const items = all.map(({ member, example }) => {
    const status = statusOf.get(member)!;
    const setup =
      (example.setup === undefined ? "" : `setup: ${arrow(example.setup.ts)}, `) +
      (example.expectedError === undefined ? "" : `expectedError: ${JSON.stringify(example.expectedError)}, `);
    return (
      `{ className: ${JSON.stringify(entry.name)}, member: ${JSON.stringify(member)}, ` +
      `ts: ${JSON.stringify(example.ts)}, python: ${JSON.stringify(example.python)}, ` +
      `run: ${arrow(example.ts)}, ${setup}spark: "${status.spark.state}", local: "${status.local.state}" }`
    );
  });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: "examples", type: "readonly MemberExample[]", initializer: `[\n${items.join(",\n")},\n]` }],
  });
  return finish(file, path, `registry/class-examples/${fileName}.ts`);
}

/** generated/parity/classes/index.ts: every class's examples in one list. */
export function emitMemberExamplesIndex(classNames: readonly string[]): GeneratedFile {
  const path = `${PARITY_DIR}/classes/index.ts`;
  const file = newSourceFile(path);
  const fileNames = classNames.map(kebabCase).sort();
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: "../member-example.js",
    namedImports: ["MemberExample"],
  });
  for (const fileName of fileNames) {
    file.addImportDeclaration({
      moduleSpecifier: `./${fileName}.js`,
      namedImports: [{ name: "examples", alias: camelCase(fileName) }],
    });
  }
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: "memberExamples",
        type: "readonly MemberExample[]",
        initializer: `[${fileNames.map((name) => `...${camelCase(name)}`).join(", ")}]`,
      },
    ],
  });
  return finish(file, path, "registry/class-examples/index.ts");
}

/** generated/functions/<category>.ts: one thin exported function per builtin, plus the index. */
import { StructureKind } from "ts-morph";
import type { FunctionModel } from "../model/function-model.js";
import { CODEGEN_NAMESPACE } from "../model/function-model.js";
import { safeIdentifier } from "../model/identifiers.js";
import { render } from "../templates.js";
import { finish, type GeneratedFile, jsDoc, newSourceFile } from "./generated-file.js";

export const FUNCTIONS_DIR = "generated/functions";
const CODEGEN_FROM_FUNCTIONS = "../../runtime/codegen/index.js";

/** One category's functions, in name order. `source` is the registry file named in the header. */
export function emitFunctionsFile(category: string, models: readonly FunctionModel[], source: string): GeneratedFile {
  const path = `${FUNCTIONS_DIR}/${category}.ts`;
  const file = newSourceFile(path);
  const types = [...new Set(models.flatMap((model) => model.codegenTypes))].sort();
  if (types.length > 0) {
    file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: CODEGEN_FROM_FUNCTIONS, namedImports: types });
  }
  file.addImportDeclaration({ moduleSpecifier: CODEGEN_FROM_FUNCTIONS, namespaceImport: CODEGEN_NAMESPACE });
  const sorted = [...models].sort((a, b) => a.name.localeCompare(b.name));
  file.addFunctions(
    sorted.map((model) => ({
      kind: StructureKind.Function,
      // A pyspark name that is a reserved word (`typeof`) is declared under a safe name and exported as itself.
      isExported: safeIdentifier(model.name) === model.name,
      name: safeIdentifier(model.name),
      docs: [jsDoc(render("function-doc", model.doc))],
      parameters: model.parameters.map((p) => ({
        name: p.name,
        type: p.type,
        hasQuestionToken: p.optional,
        isRestParameter: p.variadic,
      })),
      returnType: model.returnType,
      statements: [`${model.body};`],
    })),
  );
  const renamed = sorted.filter((model) => safeIdentifier(model.name) !== model.name);
  if (renamed.length > 0) {
    file.addExportDeclaration({
      namedExports: renamed.map((model) => ({ name: safeIdentifier(model.name), alias: model.name })),
    });
  }
  return finish(file, path, source);
}

/** generated/functions/index.ts re-exporting every category. */
export function emitFunctionsIndex(categories: readonly string[]): GeneratedFile {
  const path = `${FUNCTIONS_DIR}/index.ts`;
  const file = newSourceFile(path);
  for (const category of [...categories].sort()) {
    file.addExportDeclaration({ moduleSpecifier: `./${category}.js` });
  }
  return finish(file, path, "registry/functions/index.ts");
}

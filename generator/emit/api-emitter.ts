/**
 * generated/api/<class>.ts: the public interface of each pyspark class (members runtime/api implements), its
 * static side, and the planned members still to come; plus the index.
 */
import { type MethodSignatureStructure, type PropertySignatureStructure, StructureKind } from "ts-morph";
import type { InterfaceModel, MemberModel } from "../model/class-model.js";
import { render } from "../templates.js";
import { finish, type GeneratedFile, jsDoc, newSourceFile } from "./generated-file.js";

export const API_DIR = "generated/api";
const CODEGEN_FROM_API = "../../runtime/codegen/index.js";

/** Value types the interfaces may name, all exported (as types) by runtime/codegen. */
export const API_VALUE_TYPES = [
  "ArrowTable",
  "CatalogColumn",
  "CatalogDatabase",
  "CatalogFunction",
  "CatalogMetadata",
  "CatalogTable",
  "Column",
  "DataFrame",
  "DataFrameNaFunctions",
  "DataFrameStatFunctions",
  "DataType",
  "ExecutionInfo",
  "GroupedData",
  "LiteralValue",
  "Observation",
  "PrimitiveValue",
  "ProgressHandler",
  "Row",
  "RuntimeConfig",
  "SparkSession",
  "SparkSessionBuilder",
  "StorageLevel",
  "StreamingQueryProgress",
  "StructType",
  "TableArg",
  "WindowSpec",
] as const;
const GLOBAL_TYPES = new Set([
  "Record",
  "Date",
  "Error",
  "Uint8Array",
  "Promise",
  "ReadonlyArray",
  "Array",
  "AsyncGenerator",
]);

export class UnknownTypeError extends Error {
  override readonly name = "UnknownTypeError";
}

function typeNames(type: string): string[] {
  return type.match(/\b[A-Z][A-Za-z0-9]*\b/g) ?? [];
}

function signature(member: MemberModel): MethodSignatureStructure | PropertySignatureStructure {
  const docs = [jsDoc(render("member-doc", member.doc))];
  if (member.form === "property") {
    return { kind: StructureKind.PropertySignature, name: member.name, type: member.type, isReadonly: true, docs };
  }
  return {
    kind: StructureKind.MethodSignature,
    name: member.name,
    docs,
    returnType: member.type,
    parameters: member.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      hasQuestionToken: p.optional,
      isRestParameter: p.variadic,
    })),
  };
}

/** One class's interfaces. `fileOf` maps every interface name (of all classes) to its file name. */
export function emitInterfaceFile(
  model: InterfaceModel,
  fileOf: ReadonlyMap<string, string>,
  source: string,
): GeneratedFile {
  const path = `${API_DIR}/${model.fileName}.ts`;
  const members = [...model.instance, ...model.statics, ...model.planned, ...model.plannedStatics];
  const siblings = new Set<string>();
  const values = new Set<string>();
  for (const member of members) {
    for (const name of [member.type, ...member.parameters.map((p) => p.type)].flatMap(typeNames)) {
      if (fileOf.has(name)) {
        if (fileOf.get(name) !== model.fileName) siblings.add(name);
      } else if ((API_VALUE_TYPES as readonly string[]).includes(name)) values.add(name);
      else if (!GLOBAL_TYPES.has(name)) {
        throw new UnknownTypeError(
          `${model.className}.${member.name} names unknown type ${name}: add it to runtime/codegen/api-types.ts and API_VALUE_TYPES, or fix the registry.`,
        );
      }
    }
  }
  const file = newSourceFile(path);
  if (values.size > 0) {
    file.addImportDeclaration({
      isTypeOnly: true,
      moduleSpecifier: CODEGEN_FROM_API,
      namedImports: [...values].sort(),
    });
  }
  for (const name of [...siblings].sort()) {
    file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: `./${fileOf.get(name)}.js`, namedImports: [name] });
  }
  const excludedCount = model.excluded.length;
  const add = (name: string, doc: string, list: readonly MemberModel[]) =>
    file
      .addInterface({ name, isExported: true, docs: [jsDoc(doc)], properties: [], methods: [] })
      .addMembers(list.map(signature));
  const context = { ...model, excludedCount };
  add(model.interfaceName, render("interface-doc", context), model.instance);
  // The main interface always exists (classes implement it); the others only when they have members.
  if (model.statics.length > 0) {
    add(
      `${model.interfaceName}Static`,
      `Static members of pyspark's \`${model.className}\` that runtime/api implements.`,
      model.statics,
    );
  }
  if (model.planned.length > 0)
    add(`${model.interfaceName}Planned`, render("planned-interface-doc", context), model.planned);
  if (model.plannedStatics.length > 0) {
    add(
      `${model.interfaceName}PlannedStatic`,
      `Static members of pyspark's \`${model.className}\` not implemented yet.`,
      model.plannedStatics,
    );
  }
  return finish(file, path, source);
}

export function emitApiIndex(models: readonly InterfaceModel[]): GeneratedFile {
  const path = `${API_DIR}/index.ts`;
  const file = newSourceFile(path);
  for (const model of [...models].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
    file.addExportDeclaration({ isTypeOnly: true, moduleSpecifier: `./${model.fileName}.js` });
  }
  return finish(file, path, "registry/classes/index.ts");
}

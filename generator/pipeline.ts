/**
 * registry -> models -> emitters: every generated file, in memory. Pure apart from reading templates; the writer
 * alone puts the result on disk.
 */
import type { Registry } from "../registry/load.js";
import type { FunctionEntry } from "../registry/schema.js";
import { emitApiIndex, emitInterfaceFile } from "./emit/api-emitter.js";
import { emitFunctionsFile, emitFunctionsIndex } from "./emit/functions-emitter.js";
import type { GeneratedFile } from "./emit/generated-file.js";
import { emitMemberExamples, emitMemberExamplesIndex, emitMemberExampleType } from "./emit/member-examples-emitter.js";
import { emitParityIndex, emitParityStubs, emitParityStubType } from "./emit/parity-stubs-emitter.js";
import { implementationsOf, interfaceModel } from "./model/class-model.js";
import { functionModel } from "./model/function-model.js";
import { kebabCase } from "./model/identifiers.js";

export interface GenerateOptions {
  /** Builtins with a hand-written parity case; they get no generated stub. */
  readonly handWrittenCases: ReadonlySet<string>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}

export function generate(registry: Registry, options: GenerateOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const byCategory = groupBy(registry.functions, (entry) => entry.category);
  const categories = [...byCategory.keys()].sort();
  for (const category of categories) {
    const entries = byCategory.get(category) as FunctionEntry[];
    files.push(emitFunctionsFile(category, entries.map(functionModel), `registry/functions/${category}.ts`));
  }
  files.push(emitFunctionsIndex(categories));

  const implementations = implementationsOf(registry.classes);
  const interfaces = registry.classes.map((entry) => interfaceModel(entry, implementations));
  const fileOf = new Map(interfaces.map((model) => [model.interfaceName, model.fileName]));
  for (const model of interfaces) {
    for (const suffix of ["Static", "Planned", "PlannedStatic"])
      fileOf.set(`${model.interfaceName}${suffix}`, model.fileName);
  }
  for (const model of interfaces) {
    files.push(emitInterfaceFile(model, fileOf, `registry/classes/${kebabCase(model.className)}.ts`));
  }
  files.push(emitApiIndex(interfaces));

  const allNames = new Set(registry.functions.map((entry) => entry.name));
  files.push(emitParityStubType());
  const stubbed: string[] = [];
  for (const category of categories) {
    const pending = (byCategory.get(category) as FunctionEntry[]).filter(
      (entry) => !options.handWrittenCases.has(entry.name),
    );
    if (pending.length > 0) {
      files.push(emitParityStubs(category, pending, allNames, `registry/functions/${category}.ts`));
      stubbed.push(category);
    }
  }
  files.push(emitParityIndex(stubbed));

  files.push(emitMemberExampleType());
  for (const examples of registry.classExamples) {
    const entry = registry.classes.find((candidate) => candidate.name === examples.className)!;
    files.push(emitMemberExamples(entry, examples));
  }
  files.push(emitMemberExamplesIndex(registry.classExamples.map((examples) => examples.className)));
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

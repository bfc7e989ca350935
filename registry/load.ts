/**
 * The registry as one validated value. Every entry is parsed with its zod schema; a broken entry fails with the
 * entry's name and the path of the bad field, before any generator stage sees it.
 */
import type { z } from "zod";
import { classExampleInputs } from "./class-examples/index.js";
import { classEntryInputs } from "./classes/index.js";
import { functionEntryInputs } from "./functions/index.js";
import { protoOperationInputs } from "./proto-operations.js";
import {
  type ClassEntry,
  type ClassEntryInput,
  type ClassExamples,
  type ClassExamplesInput,
  classEntrySchema,
  classExamplesSchema,
  type FunctionEntry,
  type FunctionEntryInput,
  functionEntrySchema,
  type ProtoOperation,
  type ProtoOperationInput,
  protoOperationSchema,
} from "./schema.js";

export interface Registry {
  readonly functions: readonly FunctionEntry[];
  readonly classes: readonly ClassEntry[];
  readonly protoOperations: readonly ProtoOperation[];
  readonly classExamples: readonly ClassExamples[];
}

export interface RegistryInputs {
  readonly functions: readonly FunctionEntryInput[];
  readonly classes: readonly ClassEntryInput[];
  readonly protoOperations: readonly ProtoOperationInput[];
  readonly classExamples?: readonly ClassExamplesInput[];
}

export class RegistryError extends Error {
  override readonly name = "RegistryError";
}

function parseAll<S extends z.ZodType>(schema: S, inputs: readonly unknown[], label: (input: unknown) => string) {
  return inputs.map((input) => {
    const result = schema.safeParse(input);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "(entry)"}: ${issue.message}`);
      throw new RegistryError(`registry entry ${label(input)} is invalid:\n  ${issues.join("\n  ")}`);
    }
    return result.data as z.infer<S>;
  });
}

function nameOf(input: unknown): string {
  const name = (input as { name?: unknown } | null)?.name;
  return typeof name === "string" ? `"${name}"` : "(unnamed)";
}

function requireUnique(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new RegistryError(`duplicate ${what} "${name}" in the registry`);
    seen.add(name);
  }
}

/** Validates registry inputs (the committed data by default) into a Registry. */
export function loadRegistry(
  inputs: RegistryInputs = {
    functions: functionEntryInputs,
    classes: classEntryInputs,
    protoOperations: protoOperationInputs,
    classExamples: classExampleInputs,
  },
): Registry {
  const functions = parseAll(functionEntrySchema, inputs.functions, nameOf);
  const classes = parseAll(classEntrySchema, inputs.classes, nameOf);
  const protoOperations = parseAll(protoOperationSchema, inputs.protoOperations, (input) => {
    const op = input as { message?: string; case?: string };
    return `${op.message}.${op.case}`;
  });
  requireUnique(
    functions.map((entry) => entry.name),
    "function",
  );
  requireUnique(
    classes.map((entry) => entry.name),
    "class",
  );
  for (const entry of classes) {
    requireUnique(
      [...entry.members, ...entry.excluded].map((member) => member.name),
      `member of ${entry.name}`,
    );
  }
  requireUnique(
    protoOperations.map((op) => `${op.message}.${op.case}`),
    "proto operation",
  );
  const classExamples = parseAll(classExamplesSchema, inputs.classExamples ?? [], (input) =>
    nameOf({ name: (input as { className?: unknown } | null)?.className }),
  );
  requireUnique(
    classExamples.map((examples) => examples.className),
    "class of examples",
  );
  for (const examples of classExamples) requireExampledMembers(examples, classes);
  return { functions, classes, protoOperations, classExamples };
}

/** Examples must name a declared class and members it offers (not excluded ones). */
function requireExampledMembers(examples: ClassExamples, classes: readonly ClassEntry[]): void {
  const entry = classes.find((candidate) => candidate.name === examples.className);
  if (entry === undefined) throw new RegistryError(`examples name an unknown class "${examples.className}"`);
  const members = new Set(entry.members.map((member) => member.name));
  for (const name of Object.keys(examples.members)) {
    if (!members.has(name)) {
      throw new RegistryError(`examples of ${examples.className} name "${name}", which it does not offer`);
    }
  }
}

/**
 * Registry class entries as TS interface members. Members whose Spark status is supported form the interface the
 * hand-written class implements; the rest form a "planned" interface, so flipping a status forces the code.
 * Pure: no I/O, no ts-morph.
 */
import type { BackendStatus, ClassEntry, ClassMember } from "../../registry/schema.js";
import { arrayOf, kebabCase, safeIdentifier } from "./identifiers.js";

export interface MemberParameterModel {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly variadic: boolean;
}

export interface MemberModel {
  readonly name: string;
  readonly form: "method" | "property";
  readonly parameters: readonly MemberParameterModel[];
  readonly type: string;
  readonly doc: MemberDocModel;
}

export interface MemberDocModel {
  readonly description: string | null;
  readonly since: string | null;
  readonly spark: string;
  readonly local: string;
  /** Python keyword-only parameters the TS signature cannot carry, if any. */
  readonly keywordOnly: string | null;
}

export interface InterfaceModel {
  readonly className: string;
  readonly fileName: string;
  readonly interfaceName: string;
  readonly description: string;
  readonly instance: readonly MemberModel[];
  readonly statics: readonly MemberModel[];
  readonly planned: readonly MemberModel[];
  readonly plannedStatics: readonly MemberModel[];
  readonly excluded: readonly { readonly name: string; readonly reason: string }[];
}

function statusText(status: BackendStatus): string {
  return status.state === "supported" ? "supported" : `gap (${status.reason})`;
}

/**
 * TS forbids a required parameter after an optional one; such earlier parameters take `| undefined` instead.
 * Python keyword-only parameters after `*args` have no positional TS form: they are left out, and the member's
 * doc names them (`keywordOnly`).
 */
function parametersOf(member: ClassMember): MemberParameterModel[] {
  const rest = member.params.findIndex((param) => param.variadic);
  const params = rest === -1 ? member.params : member.params.slice(0, rest + 1);
  const lastRequired = params.reduce((last, param, index) => (param.optional || param.variadic ? last : index), -1);
  return params.map((param, index) => {
    const optional = (param.optional ?? false) && index > lastRequired;
    const type = param.variadic ? arrayOf(param.tsType) : param.tsType;
    return {
      name: safeIdentifier(param.name),
      type: param.optional && !optional ? `${type} | undefined` : type,
      optional,
      variadic: param.variadic ?? false,
    };
  });
}

function keywordOnlyAfterRest(member: ClassMember): string[] {
  const rest = member.params.findIndex((param) => param.variadic);
  return rest === -1 ? [] : member.params.slice(rest + 1).map((param) => param.name);
}

function memberModel(member: ClassMember): MemberModel {
  const isProperty = member.kind === "property" || member.kind === "attribute" || member.kind === "constant";
  const keywordOnly = isProperty ? [] : keywordOnlyAfterRest(member);
  return {
    name: member.name,
    form: isProperty ? "property" : "method",
    parameters: isProperty ? [] : parametersOf(member),
    type: member.async ? `Promise<${member.returns}>` : member.returns,
    doc: {
      description: member.description ?? null,
      since: member.since ?? null,
      spark: statusText(member.status.spark),
      local: statusText(member.status.local),
      keywordOnly: keywordOnly.length > 0 ? keywordOnly.join(", ") : null,
    },
  };
}

const isStatic = (member: ClassMember) =>
  member.kind === "staticmethod" || member.kind === "classmethod" || member.kind === "constant";
const isSupported = (member: ClassMember) => member.status.spark.state === "supported";

/** Interface names with a hand-written class, mapped to that class's type name. */
export type Implementations = ReadonlyMap<string, string>;

export function implementationsOf(entries: readonly ClassEntry[]): Implementations {
  return new Map(
    entries.flatMap((entry) => (entry.implementation ? [[entry.interfaceName, entry.implementation]] : [])),
  );
}

/** A type with every interface that has a hand-written class replaced by that class. */
function concrete(type: string, implementations: Implementations): string {
  return type.replace(/\b[A-Z][A-Za-z0-9]*Api\b/g, (name) => implementations.get(name) ?? name);
}

function withImplementations(member: MemberModel, implementations: Implementations): MemberModel {
  return {
    ...member,
    type: concrete(member.type, implementations),
    parameters: member.parameters.map((p) => ({ ...p, type: concrete(p.type, implementations) })),
  };
}

export function interfaceModel(entry: ClassEntry, implementations: Implementations = new Map()): InterfaceModel {
  const pick = (supported: boolean, statics: boolean) =>
    entry.members
      .filter((member) => isSupported(member) === supported && isStatic(member) === statics)
      .map((member) => withImplementations(memberModel(member), implementations));
  return {
    className: entry.name,
    fileName: kebabCase(entry.name),
    interfaceName: entry.interfaceName,
    description: entry.description,
    instance: pick(true, false),
    statics: pick(true, true),
    planned: pick(false, false),
    plannedStatics: pick(false, true),
    excluded: entry.excluded,
  };
}

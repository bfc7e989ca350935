/**
 * Registry function entries as the emitters need them: a TS signature, the body expression, and the facts the
 * JSDoc template prints. Pure: no I/O, no ts-morph.
 */
import type { BackendStatus, FunctionArgument, FunctionEntry } from "../../registry/schema.js";
import { arrayOf, safeIdentifier } from "./identifiers.js";

export interface ParameterModel {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly variadic: boolean;
  readonly doc: string;
}

export interface FunctionModel {
  readonly name: string;
  readonly category: string;
  readonly parameters: readonly ParameterModel[];
  readonly returnType: string;
  /** The single statement of the body, without a trailing semicolon. */
  readonly body: string;
  readonly doc: FunctionDocModel;
  /** Type names the signature uses from runtime/codegen. */
  readonly codegenTypes: readonly string[];
}

export interface FunctionDocModel {
  readonly description: string;
  readonly params: readonly { readonly name: string; readonly text: string }[];
  readonly returns: string;
  readonly examples: readonly string[];
  readonly since: string;
  readonly spark: string;
  readonly local: string;
  readonly deprecated: string | null;
  readonly sparkName: string | null;
}

const KIND_TEXT: Record<FunctionArgument["kind"], string> = {
  column: "a Column",
  "column-or-name": "a Column or the name of a column",
  literal: "a value sent as a literal (a Column is used as is)",
  lambda: "a function over Columns, sent as a lambda",
  options: "options, sent as a map of strings",
  dataframe: "a DataFrame",
};

const ENCODER: Record<FunctionArgument["kind"], string> = {
  column: "column",
  "column-or-name": "columnOrName",
  literal: "literal",
  lambda: "lambda",
  options: "options",
  dataframe: "dataframe",
};

const RETURN_TYPE: Record<FunctionEntry["returns"], string> = {
  column: "Column",
  dataframe: "DataFrame",
  udf: "never",
};

const RETURN_DOC: Record<FunctionEntry["returns"], string> = {
  column: "a new Column; nothing runs until an action",
  dataframe: "a new DataFrame; nothing runs until an action",
  udf: "never: it always throws",
};

/** Type names the registry may use in `tsType`, all exported by runtime/codegen. */
export const CODEGEN_TYPE_NAMES = [
  "Column",
  "DataFrame",
  "DataType",
  "DateAndTime",
  "LiteralInput",
  "StructType",
] as const;

function statusText(status: BackendStatus): string {
  return status.state === "supported" ? "supported" : `gap (${status.reason})`;
}

function parameterDoc(arg: FunctionArgument): string {
  let text = KIND_TEXT[arg.kind];
  if (arg.whenOmitted !== undefined)
    text += `; when omitted, PySpark's default ${JSON.stringify(arg.whenOmitted)} is sent`;
  if (arg.randomSeedWhenOmitted) text += "; when omitted, a random seed is drawn";
  if (arg.minCount !== undefined) text += `; at least ${arg.minCount}`;
  return text;
}

/** Runtime helpers are reached through this namespace, so pyspark parameter names never shadow them. */
export const CODEGEN_NAMESPACE = "codegen";
const helper = (name: string) => `${CODEGEN_NAMESPACE}.${name}`;

/** A column-or-name argument whose type also admits plain values sends those as literals. */
function encoderOf(arg: FunctionArgument): string {
  const plainValues = arg.tsType.split("|").some((part) => !["Column", "string"].includes(part.trim()));
  return helper(arg.kind === "column-or-name" && plainValues ? "columnOrNameOrLiteral" : ENCODER[arg.kind]);
}

function encodeArgument(arg: FunctionArgument, variable: string, functionName: string): string {
  const encoder = encoderOf(arg);
  if (arg.variadic) {
    const values =
      arg.minCount === undefined
        ? variable
        : `${helper("atLeast")}(${variable}, ${arg.minCount}, ${JSON.stringify(functionName)}, ${JSON.stringify(arg.name)})`;
    return `${values}.map((value) => ${encoder}(value, ${JSON.stringify(arg.name)}))`;
  }
  const encoded = `${encoder}(${variable}, ${JSON.stringify(arg.name)})`;
  if (arg.whenOmitted !== undefined) return `${helper("orDefault")}(${encoded}, ${JSON.stringify(arg.whenOmitted)})`;
  if (arg.randomSeedWhenOmitted) return `${helper("orRandomSeed")}(${encoded})`;
  return encoded;
}

function bodyOf(entry: FunctionEntry, parameters: readonly ParameterModel[]): string {
  if (entry.status.spark.state === "gap" && entry.encoding.kind === "custom") {
    const reason = entry.status.spark.reason;
    return `return ${helper("unsupportedBuiltin")}(${JSON.stringify(entry.name)}, ${JSON.stringify(reason)})`;
  }
  if (entry.encoding.kind === "custom") {
    const forwarded = parameters.map((p) => (p.variadic ? `...${p.name}` : p.name)).join(", ");
    return `return ${helper("customBuilders")}.${entry.name}(${forwarded})`;
  }
  const encoded = entry.args.map((arg, index) => encodeArgument(arg, parameters[index]!.name, entry.name));
  const distinct = entry.encoding.isDistinct ? ", { distinct: true }" : "";
  return `return ${helper("callBuiltin")}(${JSON.stringify(entry.encoding.sparkName)}, [${encoded.join(", ")}]${distinct})`;
}

function typeNamesIn(types: readonly string[]): string[] {
  return CODEGEN_TYPE_NAMES.filter((name) => types.some((type) => new RegExp(`\\b${name}\\b`).test(type)));
}

export function functionModel(entry: FunctionEntry): FunctionModel {
  const parameters: ParameterModel[] = entry.args.map((arg) => ({
    name: safeIdentifier(arg.name),
    type: arg.variadic ? arrayOf(arg.tsType) : arg.tsType,
    optional: arg.optional ?? false,
    variadic: arg.variadic ?? false,
    doc: parameterDoc(arg),
  }));
  const returnType = RETURN_TYPE[entry.returns];
  const body = bodyOf(entry, parameters);
  return {
    name: entry.name,
    category: entry.category,
    parameters,
    returnType,
    body,
    codegenTypes: typeNamesIn([...parameters.map((p) => p.type), returnType]),
    doc: {
      description: entry.description,
      params: parameters.map((p) => ({ name: p.name, text: p.doc })),
      returns: RETURN_DOC[entry.returns],
      examples: entry.examples,
      since: entry.since,
      spark: statusText(entry.status.spark),
      local: statusText(entry.status.local),
      deprecated: entry.deprecatedFor === undefined ? null : `use ${entry.deprecatedFor} instead`,
      sparkName: entry.encoding.kind === "call" ? entry.encoding.sparkName : null,
    },
  };
}

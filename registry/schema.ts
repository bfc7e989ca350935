/**
 * The shape of the registry: builtin functions, class members and proto operations, each with the facts the
 * generator and the coverage report need. The data modules are plain TS literals checked against these schemas
 * when loaded (`registry/load.ts`), so a malformed entry fails loudly with its path.
 */
import { z } from "zod";

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an identifier");
const version = z.string().regex(/^\d+\.\d+(\.\d+)?$/, "must be a version such as 3.4.0");
const oneLine = z
  .string()
  .min(8)
  .refine((text) => !text.includes("\n"), "must be one line");

/** Whether a backend runs an entry; every gap names its reason. */
export const backendStatusSchema = z.discriminatedUnion("state", [
  z.strictObject({ state: z.literal("supported") }),
  z.strictObject({ state: z.literal("gap"), reason: oneLine }),
]);
export type BackendStatus = z.infer<typeof backendStatusSchema>;

export const statusSchema = z.strictObject({ spark: backendStatusSchema, local: backendStatusSchema });
export type Status = z.infer<typeof statusSchema>;

/**
 * How one argument becomes an Expression:
 * column: a Column only; column-or-name: a Column, or a string naming a column; literal: a JS value sent as a
 * literal (a Column passes through); lambda: a TS function over Columns; options: a string map sent as `map(k, v…)`;
 * dataframe: a DataFrame (only `broadcast`, which hints a plan rather than building a Column).
 */
export const argumentKinds = ["column", "column-or-name", "literal", "lambda", "options", "dataframe"] as const;
export type ArgumentKind = (typeof argumentKinds)[number];

/** A proto `Expression.Literal` in protobuf JSON form, e.g. `{ "integer": 1 }`. */
export const literalJsonSchema = z.record(z.string(), z.json());

export const functionArgumentSchema = z
  .strictObject({
    name: identifier,
    kind: z.enum(argumentKinds),
    /** The TypeScript type of the parameter, as written in the generated signature. */
    tsType: z.string().min(1),
    optional: z.boolean().optional(),
    variadic: z.boolean().optional(),
    /** Sent in place of an omitted optional argument, as PySpark does for some functions. */
    whenOmitted: literalJsonSchema.optional(),
    /** For a variadic argument: the fewest values PySpark accepts. */
    minCount: z.number().int().min(1).optional(),
    /** An omitted seed is replaced by a random non-negative long, as PySpark does. */
    randomSeedWhenOmitted: z.literal(true).optional(),
  })
  .refine((arg) => !(arg.optional && arg.variadic), "an argument cannot be both optional and variadic")
  .refine((arg) => arg.minCount === undefined || arg.variadic === true, "minCount needs variadic: true")
  .refine((arg) => arg.whenOmitted === undefined || arg.optional === true, "whenOmitted needs optional: true")
  .refine((arg) => !(arg.whenOmitted && arg.randomSeedWhenOmitted), "choose whenOmitted or randomSeedWhenOmitted");
export type FunctionArgument = z.infer<typeof functionArgumentSchema>;

export const functionCategories = [
  "normal",
  "conditional",
  "predicate",
  "sort",
  "math",
  "string",
  "bitwise",
  "datetime",
  "hash",
  "collection",
  "array",
  "struct",
  "map",
  "aggregate",
  "window",
  "generator",
  "partition-transform",
  "csv",
  "json",
  "variant",
  "xml",
  "url",
  "misc",
  "datasketch",
  "geospatial",
  "udf",
] as const;
export type FunctionCategory = (typeof functionCategories)[number];

/**
 * How the generated function builds its Column:
 * call: an `UnresolvedFunction` named `sparkName` over the encoded arguments, in order (omitted optional
 * arguments dropped unless `whenOmitted` says otherwise); custom: a hand-written builder in runtime/codegen
 * (`note` says why the plain call does not fit).
 */
export const encodingSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("call"), sparkName: z.string().min(1), isDistinct: z.boolean().optional() }),
  z.strictObject({ kind: z.literal("custom"), note: oneLine }),
]);
export type Encoding = z.infer<typeof encodingSchema>;

export const returnKinds = ["column", "dataframe", "udf"] as const;

/**
 * How the golden result of an entry's examples is compared with PySpark's: omitted, values and types exactly;
 * `schema`, only the result's types (the values are not reproducible: random, clock, session-dependent);
 * `none`, not executed (the Column cannot be selected, e.g. partition transforms), each with its reason.
 */
export const resultComparisonSchema = z.discriminatedUnion("compare", [
  z.strictObject({ compare: z.literal("schema"), reason: oneLine }),
  z.strictObject({ compare: z.literal("none"), reason: oneLine }),
]);
export type ResultComparison = z.infer<typeof resultComparisonSchema>;

export const functionEntrySchema = z
  .strictObject({
    /** The pyspark name, which is also the TypeScript name. */
    name: identifier,
    category: z.enum(functionCategories),
    since: version,
    description: oneLine,
    args: z.array(functionArgumentSchema),
    returns: z.enum(returnKinds),
    encoding: encodingSchema,
    /** Set on deprecated aliases: the name to use instead. */
    deprecatedFor: identifier.optional(),
    /** TS calls over the columns of parity-tests/fixture.sql; PySpark's golden plan and result are captured for each. */
    examples: z.array(z.string().min(1)).min(1),
    resultComparison: resultComparisonSchema.optional(),
    status: statusSchema,
  })
  .refine(
    (entry) => entry.encoding.kind === "custom" || entry.args.every((arg) => arg.kind !== "dataframe"),
    "a DataFrame argument needs a custom encoding",
  );
export type FunctionEntry = z.infer<typeof functionEntrySchema>;
export type FunctionEntryInput = z.input<typeof functionEntrySchema>;

/** `constant` is a class-level value (`Window.currentRow`); `attribute` an instance value. */
export const memberKinds = [
  "method",
  "property",
  "classmethod",
  "staticmethod",
  "attribute",
  "constant",
  "class",
] as const;

export const memberParameterSchema = z.strictObject({
  name: identifier,
  tsType: z.string().min(1),
  optional: z.boolean().optional(),
  variadic: z.boolean().optional(),
  /** The Python default, as pyspark's source spells it (informative). */
  pythonDefault: z.string().optional(),
});
export type MemberParameter = z.infer<typeof memberParameterSchema>;

export const classMemberSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(memberKinds),
  params: z.array(memberParameterSchema),
  /** The TypeScript type of the result (a property's type for properties). */
  returns: z.string().min(1),
  /** Talks to the backend, so TS returns a Promise of `returns` where pyspark blocks. */
  async: z.literal(true).optional(),
  since: version.optional(),
  description: oneLine.optional(),
  status: statusSchema,
});
export type ClassMember = z.infer<typeof classMemberSchema>;
export type ClassMemberInput = z.input<typeof classMemberSchema>;

/** Both forms of one step: the sparkts expression and the PySpark expression. */
const exampleCodeSchema = z.strictObject({ ts: z.string().min(1), python: z.string().min(1) });

/**
 * One runnable example of a class member: the sparkts call and the PySpark call that must send the same plans
 * and give the same result. Both see `spark`, `df` (the frame of parity-tests/fixture.sql), `F` (the builtins),
 * `Window`, `Observation`, `SparkSession` (the class, for its builder), `remote` (the server's URL), `files` (the absolute path
 * of parity-tests/files, small data files to read) and `out` (a fresh empty directory per example, to write to);
 * the value is a DataFrame, a Column (selected from `df`) or what an action returns. `setup` runs first and is
 * not recorded: it makes the state the example needs (a table, a view), idempotently. `expectedError` is the
 * error class the server answers with when no table available locally supports the member's effect (MERGE,
 * overwrite by filter): the plans both clients send are still compared, and both must get that error.
 */
export const memberExampleSchema = z.strictObject({
  ts: z.string().min(1),
  python: z.string().min(1),
  setup: exampleCodeSchema.optional(),
  expectedError: z
    .string()
    .regex(/^[A-Z0-9_.]+$/)
    .optional(),
});
export type MemberExample = z.infer<typeof memberExampleSchema>;

/** The examples of one class's members, kept apart from the member declarations they exercise. */
export const classExamplesSchema = z.strictObject({
  className: z.string().min(1),
  members: z.record(z.string().min(1), z.array(memberExampleSchema).min(1)),
});
export type ClassExamples = z.infer<typeof classExamplesSchema>;
export type ClassExamplesInput = z.input<typeof classExamplesSchema>;

/** Members present in pyspark that we deliberately do not offer, each with its reason. */
export const exclusionSchema = z.strictObject({ name: z.string().min(1), reason: oneLine });

export const classEntrySchema = z.strictObject({
  /** The pyspark class name, e.g. `DataFrame` or `SparkSession.Builder`. */
  name: z.string().regex(/^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)?$/),
  /** The name of the generated TypeScript interface. */
  interfaceName: identifier,
  /**
   * The hand-written class implementing it, as runtime/codegen exports its type. Once set, generated signatures
   * name this class instead of the interface, so the class can implement the interface with its own types.
   */
  implementation: identifier.optional(),
  description: oneLine,
  members: z.array(classMemberSchema),
  excluded: z.array(exclusionSchema),
});
export type ClassEntry = z.infer<typeof classEntrySchema>;
export type ClassEntryInput = z.input<typeof classEntrySchema>;

/** A oneof case of a Spark Connect message, tied to the API that produces it or excluded with a reason. */
export const protoOperationSchema = z.discriminatedUnion("disposition", [
  z.strictObject({
    message: z.string().min(1),
    oneof: z.string().min(1),
    case: z.string().min(1),
    disposition: z.literal("mapped"),
    /** The public API producing (or consuming) this case, e.g. `DataFrame.filter` or `functions.col`. */
    api: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9.]*\.[A-Za-z_][A-Za-z0-9_]*$/)).min(1),
  }),
  z.strictObject({
    message: z.string().min(1),
    oneof: z.string().min(1),
    case: z.string().min(1),
    disposition: z.literal("excluded"),
    reason: oneLine,
  }),
]);
export type ProtoOperation = z.infer<typeof protoOperationSchema>;
export type ProtoOperationInput = z.input<typeof protoOperationSchema>;

/** Python parameter names that cannot be TypeScript identifiers get a trailing underscore. */
const RESERVED = new Set([
  "arguments",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "eval",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "implements",
  "import",
  "in",
  "instanceof",
  "interface",
  "let",
  "new",
  "null",
  "package",
  "private",
  "protected",
  "public",
  "return",
  "static",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
]);

export function safeIdentifier(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}

/** Wraps a union or function type in parentheses so `[]` applies to all of it. */
export function arrayOf(tsType: string): string {
  return /[|&]|=>/.test(tsType) ? `(${tsType})[]` : `${tsType}[]`;
}

/** `dataframe-writer-v2` style file name for a category or class name. */
export function kebabCase(name: string): string {
  return name
    .replace(/\./g, "")
    .replace(/DataFrame/g, "Dataframe")
    .replace(/UDTF/g, "Udtf")
    .replace(/UDF/g, "Udf")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

/** `partition-transform` -> `partitionTransform`. */
export function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

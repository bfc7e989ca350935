/** A file the generator produces: a repository-relative POSIX path and its full text. */
import { IndentationText, NewLineKind, Project, QuoteKind, type SourceFile } from "ts-morph";
import { render } from "../templates.js";

export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

let project: Project | undefined;

/** A fresh in-memory source file; ts-morph prints it with our formatting settings. */
export function newSourceFile(path: string): SourceFile {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: true,
    },
  });
  return project.createSourceFile(path, "", { overwrite: true });
}

/** The file's text under the standard header, which names the registry source and says not to edit. */
export function finish(sourceFile: SourceFile, path: string, source: string): GeneratedFile {
  const header = render("file-header", { source })
    .split("\n")
    .map((line) => `// ${line}`)
    .join("\n");
  const body = sourceFile
    .getFullText()
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
  const text = `${header}\n\n${body}\n`;
  sourceFile.forget();
  return { path, text };
}

/** Splits a JSDoc body into the description ts-morph expects. */
export function jsDoc(text: string): { description: string } {
  return { description: `\n${text}` };
}

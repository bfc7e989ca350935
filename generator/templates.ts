/**
 * Handlebars templates for the text leaves of generated files (headers and JSDoc bodies). Compiled in strict
 * mode, so a template naming a field the model lacks fails instead of printing nothing.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

const TEMPLATE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "templates");

export type TemplateName = "file-header" | "function-doc" | "member-doc" | "interface-doc" | "planned-interface-doc";

const cache = new Map<TemplateName, Handlebars.TemplateDelegate>();

/** Renders a template; output lines are trimmed at the end and the text has no trailing newline. */
export function render(name: TemplateName, context: object): string {
  let template = cache.get(name);
  if (template === undefined) {
    const source = readFileSync(join(TEMPLATE_DIR, `${name}.hbs`), "utf8");
    template = Handlebars.compile(source, { strict: true, noEscape: true });
    cache.set(name, template);
  }
  return template(context)
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

/**
 * XPath 1.0 expressions as the xpath functions need them: location paths over the child, descendant, parent,
 * self, attribute, ancestor and sibling axes (with the `//`, `.`, `..`, `@` and `*` abbreviations), predicates
 * (positions and tests), unions, the operators and literals of the language, and function calls. Variables
 * and namespace tests are refused with a clear not-supported error.
 */
import { notSupportedLocally } from "../errors.js";

export type Axis =
  | "child"
  | "descendant"
  | "descendant-or-self"
  | "self"
  | "parent"
  | "attribute"
  | "ancestor"
  | "ancestor-or-self"
  | "following-sibling"
  | "preceding-sibling";

export type NodeTest =
  | { readonly type: "name"; readonly name: string }
  | { readonly type: "any" | "node" | "text" | "comment" };

export interface Step {
  readonly axis: Axis;
  readonly test: NodeTest;
  readonly predicates: readonly XPathExpr[];
}

export type XPathExpr =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly XPathExpr[] }
  | { readonly kind: "binary"; readonly op: string; readonly left: XPathExpr; readonly right: XPathExpr }
  | { readonly kind: "negate"; readonly operand: XPathExpr }
  | { readonly kind: "filter"; readonly primary: XPathExpr; readonly predicates: readonly XPathExpr[] }
  | { readonly kind: "path"; readonly absolute: boolean; readonly base?: XPathExpr; readonly steps: readonly Step[] };

export class XPathSyntaxError extends Error {}

const AXES = new Set<string>([
  "child",
  "descendant",
  "descendant-or-self",
  "self",
  "parent",
  "attribute",
  "ancestor",
  "ancestor-or-self",
  "following-sibling",
  "preceding-sibling",
]);
const NODE_TYPES = new Set(["node", "text", "comment", "processing-instruction"]);
const OPERATOR_NAMES = new Set(["and", "or", "div", "mod"]);

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern =
    /\s*(?:("[^"]*"|'[^']*')|(\d+(?:\.\d*)?|\.\d+)|(\.\.|::|\/\/|!=|<=|>=|[()[\]@,/|+\-=<>*.$])|([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?))/y;
  let i = 0;
  while (i < text.length) {
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (match === null || match[0].trim() === "") {
      if (text.slice(i).trim() === "") break;
      throw new XPathSyntaxError(`an unexpected character at position ${i}`);
    }
    tokens.push(match[0].trim());
    i = pattern.lastIndex;
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: string[]) {}

  private peek(offset = 0): string | undefined {
    return this.tokens[this.at + offset];
  }

  private next(): string {
    const token = this.tokens[this.at++];
    if (token === undefined) throw new XPathSyntaxError("the expression ended early");
    return token;
  }

  private expect(token: string): void {
    if (this.next() !== token) throw new XPathSyntaxError(`'${token}' was expected`);
  }

  parseAll(): XPathExpr {
    const expr = this.parseBinary(0);
    if (this.at < this.tokens.length) throw new XPathSyntaxError(`unexpected '${this.peek()}'`);
    return expr;
  }

  private static readonly LEVELS: readonly (readonly string[])[] = [
    ["op:or"],
    ["op:and"],
    ["=", "!="],
    ["<", "<=", ">", ">="],
    ["+", "-"],
    ["op:*", "op:div", "op:mod"],
  ];

  private parseBinary(level: number): XPathExpr {
    if (level === Parser.LEVELS.length) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    const ops = Parser.LEVELS[level] as readonly string[];
    while (this.peek() !== undefined && ops.includes(this.peek() as string)) {
      const op = this.next().replace(/^op:/, "");
      left = { kind: "binary", op, left, right: this.parseBinary(level + 1) };
    }
    return left;
  }

  private parseUnary(): XPathExpr {
    if (this.peek() === "-") {
      this.next();
      return { kind: "negate", operand: this.parseUnary() };
    }
    let left = this.parsePath();
    while (this.peek() === "|") {
      this.next();
      left = { kind: "binary", op: "|", left, right: this.parsePath() };
    }
    return left;
  }

  private startsPrimary(): boolean {
    const token = this.peek();
    if (token === undefined) return false;
    if (token === "(" || token.startsWith('"') || token.startsWith("'") || /^\d|^\.\d/.test(token)) return true;
    if (token === "$") throw notSupportedLocally("XPath variables");
    return /^[A-Za-z_]/.test(token) && this.peek(1) === "(" && !NODE_TYPES.has(token);
  }

  private parsePath(): XPathExpr {
    const token = this.peek();
    if (token === "/" || token === "//") {
      this.next();
      const steps: Step[] = token === "//" ? [DESCENDANT_OR_SELF] : [];
      if (token === "//" || this.startsStep()) steps.push(...this.parseRelative());
      return { kind: "path", absolute: true, steps };
    }
    if (this.startsPrimary()) {
      const primary = this.parsePrimary();
      const predicates = this.parsePredicates();
      const base: XPathExpr = predicates.length === 0 ? primary : { kind: "filter", primary, predicates };
      const sep = this.peek();
      if (sep !== "/" && sep !== "//") return base;
      this.next();
      const steps: Step[] = sep === "//" ? [DESCENDANT_OR_SELF] : [];
      steps.push(...this.parseRelative());
      return { kind: "path", absolute: false, base, steps };
    }
    return { kind: "path", absolute: false, steps: this.parseRelative() };
  }

  private startsStep(): boolean {
    const token = this.peek();
    return (
      token !== undefined &&
      (token === "." || token === ".." || token === "@" || token === "*" || /^[A-Za-z_]/.test(token))
    );
  }

  private parseRelative(): Step[] {
    const steps = [this.parseStep()];
    while (this.peek() === "/" || this.peek() === "//") {
      if (this.next() === "//") steps.push(DESCENDANT_OR_SELF);
      steps.push(this.parseStep());
    }
    return steps;
  }

  private parseStep(): Step {
    const token = this.peek();
    if (token === ".") {
      this.next();
      return { axis: "self", test: { type: "node" }, predicates: [] };
    }
    if (token === "..") {
      this.next();
      return { axis: "parent", test: { type: "node" }, predicates: [] };
    }
    let axis: Axis = "child";
    if (token === "@") {
      this.next();
      axis = "attribute";
    } else if (token !== undefined && this.peek(1) === "::") {
      if (!AXES.has(token)) throw notSupportedLocally(`the XPath axis ${token}`);
      axis = token as Axis;
      this.next();
      this.next();
    }
    const test = this.parseNodeTest();
    return { axis, test, predicates: this.parsePredicates() };
  }

  private parseNodeTest(): NodeTest {
    const token = this.next();
    if (token === "*") return { type: "any" };
    if (!/^[A-Za-z_]/.test(token)) throw new XPathSyntaxError(`a location step was expected, not '${token}'`);
    if (NODE_TYPES.has(token) && this.peek() === "(") {
      this.next();
      this.expect(")");
      if (token === "processing-instruction") throw notSupportedLocally("XPath processing-instruction() tests");
      return { type: token as "node" | "text" | "comment" };
    }
    if (token.endsWith(":*")) throw notSupportedLocally("XPath namespace tests");
    return { type: "name", name: token };
  }

  private parsePredicates(): XPathExpr[] {
    const predicates: XPathExpr[] = [];
    while (this.peek() === "[") {
      this.next();
      predicates.push(this.parseBinary(0));
      this.expect("]");
    }
    return predicates;
  }

  private parsePrimary(): XPathExpr {
    const token = this.next();
    if (token === "(") {
      const inner = this.parseBinary(0);
      this.expect(")");
      return inner;
    }
    if (token.startsWith('"') || token.startsWith("'")) return { kind: "string", value: token.slice(1, -1) };
    if (/^\d|^\.\d/.test(token)) return { kind: "number", value: Number(token) };
    this.expect("(");
    const args: XPathExpr[] = [];
    if (this.peek() !== ")") {
      args.push(this.parseBinary(0));
      while (this.peek() === ",") {
        this.next();
        args.push(this.parseBinary(0));
      }
    }
    this.expect(")");
    return { kind: "call", name: token, args };
  }
}

const DESCENDANT_OR_SELF: Step = { axis: "descendant-or-self", test: { type: "node" }, predicates: [] };

/** Marks `*` and the operator names as operators (`op:*`, `op:and`) where they follow an operand, per XPath's lexer. */
function markOperators(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const before = out[out.length - 1];
    const afterOperand =
      before !== undefined &&
      !before.startsWith("op:") &&
      !["@", "::", "(", "[", ",", "/", "//", "|", "+", "-", "=", "!=", "<", "<=", ">", ">="].includes(before);
    out.push(afterOperand && (token === "*" || OPERATOR_NAMES.has(token)) ? `op:${token}` : token);
  }
  return out;
}

export function parseXPath(text: string): XPathExpr {
  return new Parser(markOperators(tokenize(text))).parseAll();
}

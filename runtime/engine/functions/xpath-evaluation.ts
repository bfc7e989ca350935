/**
 * Evaluates parsed XPath 1.0 expressions over an XmlDocument with the language's value rules: node-sets in
 * document order, comparisons that look for any matching node, number() and string() conversions, and the core
 * function library (node-set, string, boolean and number functions).
 */
import { notSupportedLocally } from "../errors.js";
import { stringValue, type XmlDocument, type XmlElement, type XmlNode } from "./xml-document.js";
import type { Axis, NodeTest, Step, XPathExpr } from "./xpath-expression.js";

export type XPathValue = number | string | boolean | readonly XmlNode[];

interface Context {
  readonly node: XmlNode;
  readonly position: number;
  readonly size: number;
}

const isNodeSet = (v: XPathValue): v is readonly XmlNode[] => Array.isArray(v);

export function toNumber(value: XPathValue): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  const text = (isNodeSet(value) ? (value[0] === undefined ? "" : stringValue(value[0])) : value).trim();
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

export function numberText(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (Number.isInteger(n)) return Object.is(n, -0) ? "0" : n.toString();
  return String(n);
}

export function toStringValue(value: XPathValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return value[0] === undefined ? "" : stringValue(value[0]);
}

export function toBoolean(value: XPathValue): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return value.length > 0;
}

const childrenOf = (node: XmlNode): readonly XmlNode[] =>
  node.kind === "element" || node.kind === "document" ? node.children : [];

function descendants(node: XmlNode, out: XmlNode[]): XmlNode[] {
  for (const child of childrenOf(node)) {
    out.push(child);
    descendants(child, out);
  }
  return out;
}

function ancestors(node: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (let p = node.parent; p !== null; p = p.parent) out.push(p);
  return out;
}

/** The nodes of an axis, in the axis's own order (reverse axes nearest first). */
function axisNodes(node: XmlNode, axis: Axis): XmlNode[] {
  switch (axis) {
    case "child":
      return [...childrenOf(node)];
    case "descendant":
      return descendants(node, []);
    case "descendant-or-self":
      return descendants(node, [node]);
    case "self":
      return [node];
    case "parent":
      return node.parent === null ? [] : [node.parent];
    case "attribute":
      return node.kind === "element" ? [...node.attributes] : [];
    case "ancestor":
      return ancestors(node);
    case "ancestor-or-self":
      return [node, ...ancestors(node)];
    case "following-sibling":
    case "preceding-sibling": {
      if (node.parent === null || node.kind === "attribute") return [];
      const siblings = node.parent.children;
      const at = siblings.indexOf(node);
      return axis === "following-sibling" ? siblings.slice(at + 1) : siblings.slice(0, at).reverse();
    }
  }
}

function matches(node: XmlNode, test: NodeTest, axis: Axis): boolean {
  const principal = axis === "attribute" ? "attribute" : "element";
  switch (test.type) {
    case "node":
      return true;
    case "text":
      return node.kind === "text";
    case "comment":
      return node.kind === "comment";
    case "any":
      return node.kind === principal;
    case "name":
      return node.kind === principal && (node as XmlElement).name === test.name;
  }
}

const inDocumentOrder = (nodes: Iterable<XmlNode>): XmlNode[] => [...new Set(nodes)].sort((a, b) => a.order - b.order);

function applyPredicates(nodes: XmlNode[], predicates: readonly XPathExpr[]): XmlNode[] {
  let current = nodes;
  for (const predicate of predicates) {
    current = current.filter((node, i) => {
      const value = evaluate(predicate, { node, position: i + 1, size: current.length });
      return typeof value === "number" ? value === i + 1 : toBoolean(value);
    });
  }
  return current;
}

function applyStep(nodes: readonly XmlNode[], step: Step): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    const selected = axisNodes(node, step.axis).filter((n) => matches(n, step.test, step.axis));
    out.push(...applyPredicates(selected, step.predicates));
  }
  return inDocumentOrder(out);
}

function rootOf(node: XmlNode): XmlNode {
  let current = node;
  while (current.parent !== null) current = current.parent;
  return current;
}

function compare(op: string, left: XPathValue, right: XPathValue): boolean {
  if (isNodeSet(left) || isNodeSet(right)) {
    const expand = (v: XPathValue): XPathValue[] => (isNodeSet(v) ? v.map((n) => stringValue(n)) : [v]);
    if ((typeof left === "boolean" || typeof right === "boolean") && (op === "=" || op === "!=")) {
      return compareAtoms(op, toBoolean(left), toBoolean(right));
    }
    for (const a of expand(left)) for (const b of expand(right)) if (compareAtoms(op, a, b)) return true;
    return false;
  }
  return compareAtoms(op, left, right);
}

function compareAtoms(op: string, a: XPathValue, b: XPathValue): boolean {
  if (op === "=" || op === "!=") {
    let equal: boolean;
    if (typeof a === "boolean" || typeof b === "boolean") equal = toBoolean(a) === toBoolean(b);
    else if (typeof a === "number" || typeof b === "number") equal = toNumber(a) === toNumber(b);
    else equal = toStringValue(a) === toStringValue(b);
    return op === "=" ? equal : !equal;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
}

function arithmetic(op: string, x: number, y: number): number {
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "div":
      return x / y;
    default:
      return x % y;
  }
}

function nodeSetArg(value: XPathValue, name: string): readonly XmlNode[] {
  if (!isNodeSet(value)) throw new XPathEvaluationError(`${name}() needs a node-set`);
  return value;
}

export class XPathEvaluationError extends Error {}

function callFunction(name: string, args: readonly XPathExpr[], ctx: Context): XPathValue {
  const arg = (i: number) => evaluate(args[i] as XPathExpr, ctx);
  const text = (i: number) => (args.length > i ? toStringValue(arg(i)) : stringValue(ctx.node));
  switch (name) {
    case "last":
      return ctx.size;
    case "position":
      return ctx.position;
    case "count":
      return nodeSetArg(arg(0), name).length;
    case "sum":
      return nodeSetArg(arg(0), name).reduce((total, n) => total + toNumber(stringValue(n)), 0);
    case "name":
    case "local-name": {
      const node = args.length > 0 ? nodeSetArg(arg(0), name)[0] : ctx.node;
      if (node === undefined || (node.kind !== "element" && node.kind !== "attribute")) return "";
      return name === "local-name" ? node.name.replace(/^.*:/, "") : node.name;
    }
    case "string":
      return text(0);
    case "concat":
      return args.map((_, i) => toStringValue(arg(i))).join("");
    case "contains":
      return text(0).includes(text(1));
    case "starts-with":
      return text(0).startsWith(text(1));
    case "ends-with":
      return text(0).endsWith(text(1));
    case "substring-before": {
      const [s, t] = [text(0), text(1)];
      const at = s.indexOf(t);
      return at < 0 ? "" : s.slice(0, at);
    }
    case "substring-after": {
      const [s, t] = [text(0), text(1)];
      const at = s.indexOf(t);
      return at < 0 ? "" : s.slice(at + t.length);
    }
    case "substring": {
      const chars = [...text(0)];
      const start = Math.round(toNumber(arg(1)));
      const end = args.length > 2 ? start + Math.round(toNumber(arg(2))) : Number.POSITIVE_INFINITY;
      return chars.filter((_, i) => i + 1 >= start && i + 1 < end).join("");
    }
    case "string-length":
      return [...text(0)].length;
    case "normalize-space":
      return text(0).trim().replace(/\s+/g, " ");
    case "translate": {
      const [s, from, to] = [text(0), [...text(1)], [...text(2)]];
      return [...s]
        .map((c) => {
          const at = from.indexOf(c);
          return at < 0 ? c : (to[at] ?? "");
        })
        .join("");
    }
    case "not":
      return !toBoolean(arg(0));
    case "true":
      return true;
    case "false":
      return false;
    case "boolean":
      return toBoolean(arg(0));
    case "number":
      return args.length > 0 ? toNumber(arg(0)) : toNumber(stringValue(ctx.node));
    case "floor":
      return Math.floor(toNumber(arg(0)));
    case "ceiling":
      return Math.ceil(toNumber(arg(0)));
    case "round": {
      const n = toNumber(arg(0));
      return Number.isFinite(n) ? Math.floor(n + 0.5) : n;
    }
    default:
      throw notSupportedLocally(`the XPath function ${name}()`);
  }
}

export function evaluate(expr: XPathExpr, ctx: Context): XPathValue {
  switch (expr.kind) {
    case "number":
    case "string":
      return expr.value;
    case "negate":
      return -toNumber(evaluate(expr.operand, ctx));
    case "call":
      return callFunction(expr.name, expr.args, ctx);
    case "filter": {
      const base = evaluate(expr.primary, ctx);
      return applyPredicates([...nodeSetArg(base, "a predicate")], expr.predicates);
    }
    case "binary": {
      const left = evaluate(expr.left, ctx);
      if (expr.op === "or") return toBoolean(left) || toBoolean(evaluate(expr.right, ctx));
      if (expr.op === "and") return toBoolean(left) && toBoolean(evaluate(expr.right, ctx));
      const right = evaluate(expr.right, ctx);
      if (expr.op === "|") return inDocumentOrder([...nodeSetArg(left, "|"), ...nodeSetArg(right, "|")]);
      if (["=", "!=", "<", "<=", ">", ">="].includes(expr.op)) return compare(expr.op, left, right);
      return arithmetic(expr.op, toNumber(left), toNumber(right));
    }
    case "path": {
      let nodes: readonly XmlNode[] = expr.absolute
        ? [rootOf(ctx.node)]
        : expr.base === undefined
          ? [ctx.node]
          : nodeSetArg(evaluate(expr.base, ctx), "a path");
      for (const step of expr.steps) nodes = applyStep(nodes, step);
      return nodes;
    }
  }
}

export function evaluateOnDocument(expr: XPathExpr, document: XmlDocument): XPathValue {
  return evaluate(expr, { node: document, position: 1, size: 1 });
}
